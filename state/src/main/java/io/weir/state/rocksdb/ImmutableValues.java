package io.weir.state.rocksdb;

import io.weir.state.serialization.BooleanSerializer;
import io.weir.state.serialization.ByteSerializer;
import io.weir.state.serialization.CharSerializer;
import io.weir.state.serialization.DoubleSerializer;
import io.weir.state.serialization.FloatSerializer;
import io.weir.state.serialization.IntSerializer;
import io.weir.state.serialization.LongSerializer;
import io.weir.state.serialization.ShortSerializer;
import io.weir.state.serialization.StringSerializer;
import io.weir.state.serialization.TypeSerializer;

/**
 * Which serializers write values of an immutable type: the built-ins for strings and boxes. The
 * serializer contract says nothing about mutability, so every other type (generated record and POJO
 * serializers, Kryo) counts as mutable and is deserialized afresh on every read.
 */
final class ImmutableValues {
  private ImmutableValues() {}

  static boolean of(TypeSerializer<?> serializer) {
    return serializer instanceof LongSerializer || serializer instanceof IntSerializer
        || serializer instanceof StringSerializer || serializer instanceof DoubleSerializer
        || serializer instanceof FloatSerializer || serializer instanceof ShortSerializer
        || serializer instanceof ByteSerializer || serializer instanceof CharSerializer
        || serializer instanceof BooleanSerializer;
  }
}
