package io.weir.runtime.network;

import io.weir.state.serialization.BinaryInput;
import io.weir.state.serialization.BinaryOutput;
import io.weir.state.serialization.TypeSerializer;

/** byte[] with a varint length; a zero-length array serializes to one byte. */
final class BytesSerializer implements TypeSerializer<byte[]> {
  static final BytesSerializer INSTANCE = new BytesSerializer();

  @Override
  public void serialize(byte[] value, BinaryOutput out) {
    out.writeVarInt(value.length);
    out.writeBytes(value, 0, value.length);
  }

  @Override
  public byte[] deserialize(BinaryInput in) {
    byte[] value = new byte[in.readLength(Integer.MAX_VALUE)];
    in.readBytes(value, 0, value.length);
    return value;
  }
}
