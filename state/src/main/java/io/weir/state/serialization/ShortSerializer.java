package io.weir.state.serialization;

/** Writes a {@code Short} as 2 big-endian bytes. Top-level values are never null. */
public final class ShortSerializer implements TypeSerializer<Short> {
  public static final ShortSerializer INSTANCE = new ShortSerializer();

  private ShortSerializer() {}

  @Override
  public void serialize(Short value, BinaryOutput out) {
    out.writeShort(value);
  }

  @Override
  public Short deserialize(BinaryInput in) {
    return in.readShort();
  }

  @Override
  public boolean immutableValues() {
    return true; // boxes and strings cannot change
  }
}
