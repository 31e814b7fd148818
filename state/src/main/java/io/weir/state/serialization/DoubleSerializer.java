package io.weir.state.serialization;

/** Writes a {@code Double} as its 8 raw IEEE 754 bytes (NaN payloads kept). Top-level values are never null. */
public final class DoubleSerializer implements TypeSerializer<Double> {
  public static final DoubleSerializer INSTANCE = new DoubleSerializer();

  private DoubleSerializer() {}

  @Override
  public void serialize(Double value, BinaryOutput out) {
    out.writeDouble(value);
  }

  @Override
  public Double deserialize(BinaryInput in) {
    return in.readDouble();
  }

  @Override
  public boolean immutableValues() {
    return true; // boxes and strings cannot change
  }
}
