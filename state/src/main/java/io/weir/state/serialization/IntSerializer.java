package io.weir.state.serialization;

/** Writes an {@code Integer} as 4 big-endian bytes. Top-level values are never null. */
public final class IntSerializer implements TypeSerializer<Integer> {
  public static final IntSerializer INSTANCE = new IntSerializer();

  private IntSerializer() {}

  @Override
  public void serialize(Integer value, BinaryOutput out) {
    out.writeInt(value);
  }

  @Override
  public Integer deserialize(BinaryInput in) {
    return in.readInt();
  }

  @Override
  public boolean immutableValues() {
    return true; // boxes and strings cannot change
  }
}
