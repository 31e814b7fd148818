package io.weir.runtime.network;

import io.weir.state.serialization.BinaryInput;
import io.weir.state.serialization.BinaryOutput;
import io.weir.state.serialization.TypeSerializer;

final class LongSerializerForTest implements TypeSerializer<Long> {
  static final LongSerializerForTest INSTANCE = new LongSerializerForTest();

  @Override
  public void serialize(Long value, BinaryOutput out) {
    out.writeLong(value);
  }

  @Override
  public Long deserialize(BinaryInput in) {
    return in.readLong();
  }
}
