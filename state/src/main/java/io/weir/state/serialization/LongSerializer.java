package io.weir.state.serialization;

/** Writes a {@code Long} as 8 big-endian bytes. Top-level values are never null. */
public final class LongSerializer implements TypeSerializer<Long> {
  public static final LongSerializer INSTANCE = new LongSerializer();

  private LongSerializer() {}

  @Override
  public void serialize(Long value, BinaryOutput out) {
    out.writeLong(value);
  }

  @Override
  public Long deserialize(BinaryInput in) {
    return in.readLong();
  }

  @Override
  public boolean immutableValues() {
    return true; // boxes and strings cannot change
  }
}
