package io.weir.state.serialization;

/** Writes a {@code Character} as its 2-byte UTF-16 code unit. Top-level values are never null. */
public final class CharSerializer implements TypeSerializer<Character> {
  public static final CharSerializer INSTANCE = new CharSerializer();

  private CharSerializer() {}

  @Override
  public void serialize(Character value, BinaryOutput out) {
    out.writeChar(value);
  }

  @Override
  public Character deserialize(BinaryInput in) {
    return in.readChar();
  }

  @Override
  public boolean immutableValues() {
    return true; // boxes and strings cannot change
  }
}
