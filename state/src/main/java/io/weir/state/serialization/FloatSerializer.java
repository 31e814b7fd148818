package io.weir.state.serialization;

/** Writes a {@code Float} as its 4 raw IEEE 754 bytes (NaN payloads kept). Top-level values are never null. */
public final class FloatSerializer implements TypeSerializer<Float> {
  public static final FloatSerializer INSTANCE = new FloatSerializer();

  private FloatSerializer() {}

  @Override
  public void serialize(Float value, BinaryOutput out) {
    out.writeFloat(value);
  }

  @Override
  public Float deserialize(BinaryInput in) {
    return in.readFloat();
  }

  @Override
  public boolean immutableValues() {
    return true; // boxes and strings cannot change
  }
}
