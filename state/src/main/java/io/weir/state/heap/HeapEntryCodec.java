package io.weir.state.heap;

import io.weir.state.backend.StateDescriptor;
import io.weir.state.heap.StateTable.Owned;
import io.weir.state.serialization.BinaryInput;
import io.weir.state.serialization.BinaryOutput;
import io.weir.state.serialization.TypeSerializer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;

/**
 * The snapshot encoding of one heap state entry's value, by kind: value, reducing and aggregating
 * state write the value (or accumulator) with the state's serializer; list state a count and the
 * elements; map state a count and key/value pairs. The same bytes are what the RocksDB backend
 * will store per entry, so snapshots can move between backends.
 */
final class HeapEntryCodec {
  private HeapEntryCodec() {}

  @SuppressWarnings("unchecked")
  static void write(StateDescriptor<?> descriptor, Object stored, BinaryOutput out) {
    TypeSerializer<Object> values = (TypeSerializer<Object>) descriptor.serializer();
    switch (descriptor.kind()) {
      case VALUE, REDUCING -> values.serialize(stored, out);
      case AGGREGATING -> values.serialize(((Owned<Object>) stored).value(), out);
      case LIST -> {
        ArrayList<Object> list = ((Owned<ArrayList<Object>>) stored).value();
        out.writeVarInt(list.size());
        for (Object element : list) {
          values.serialize(element, out);
        }
      }
      case MAP -> {
        TypeSerializer<Object> keys = (TypeSerializer<Object>) descriptor.mapKeySerializer();
        HashMap<Object, Object> map = ((Owned<HashMap<Object, Object>>) stored).value();
        out.writeVarInt(map.size());
        for (Map.Entry<Object, Object> entry : map.entrySet()) {
          keys.serialize(entry.getKey(), out);
          values.serialize(entry.getValue(), out);
        }
      }
    }
  }

  /** Reads a value written by {@link #write} into the form the heap states keep, owned by {@code epoch}. */
  static Object read(StateDescriptor<?> descriptor, BinaryInput in, int epoch) {
    TypeSerializer<?> values = descriptor.serializer();
    return switch (descriptor.kind()) {
      case VALUE, REDUCING -> values.deserialize(in);
      case AGGREGATING -> new Owned<>(values.deserialize(in), epoch);
      case LIST -> {
        int size = in.readVarInt();
        ArrayList<Object> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
          list.add(values.deserialize(in));
        }
        yield new Owned<>(list, epoch);
      }
      case MAP -> {
        TypeSerializer<?> keys = descriptor.mapKeySerializer();
        int size = in.readVarInt();
        HashMap<Object, Object> map = new HashMap<>();
        for (int i = 0; i < size; i++) {
          map.put(keys.deserialize(in), values.deserialize(in));
        }
        yield new Owned<>(map, epoch);
      }
    };
  }
}
