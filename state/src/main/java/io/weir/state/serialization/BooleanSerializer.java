package io.weir.state.serialization;

/** Writes a {@code Boolean} as one byte, 0 or 1. Top-level values are never null. */
public final class BooleanSerializer implements TypeSerializer<Boolean> {
  public static final BooleanSerializer INSTANCE = new BooleanSerializer();

  private BooleanSerializer() {}

  @Override
  public void serialize(Boolean value, BinaryOutput out) {
    out.writeBoolean(value);
  }

  @Override
  public Boolean deserialize(BinaryInput in) {
    return in.readBoolean();
  }

  @Override
  public boolean immutableValues() {
    return true; // boxes and strings cannot change
  }
}
