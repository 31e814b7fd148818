package io.weir.state.serialization;

/** Writes a string: its UTF-16 length and chars (see {@link BinaryOutput#writeString}). Top-level values are never null. */
public final class StringSerializer implements TypeSerializer<String> {
  public static final StringSerializer INSTANCE = new StringSerializer();

  private StringSerializer() {}

  @Override
  public void serialize(String value, BinaryOutput out) {
    out.writeString(value);
  }

  @Override
  public String deserialize(BinaryInput in) {
    return in.readString();
  }

  @Override
  public boolean immutableValues() {
    return true; // boxes and strings cannot change
  }
}
