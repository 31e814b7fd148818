package io.weir.state.serialization;

/** Writes a {@code Byte} as 1 byte. Top-level values are never null. */
public final class ByteSerializer implements TypeSerializer<Byte> {
  public static final ByteSerializer INSTANCE = new ByteSerializer();

  private ByteSerializer() {}

  @Override
  public void serialize(Byte value, BinaryOutput out) {
    out.writeByte(value);
  }

  @Override
  public Byte deserialize(BinaryInput in) {
    return in.readByte();
  }

  @Override
  public boolean immutableValues() {
    return true; // boxes and strings cannot change
  }
}
