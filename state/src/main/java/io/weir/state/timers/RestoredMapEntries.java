package io.weir.state.timers;

import io.weir.state.backend.StateDescriptor;
import io.weir.state.serialization.BinaryInput;
import io.weir.state.serialization.SerializationException;
import io.weir.state.serialization.TypeSerializer;
import io.weir.state.snapshot.KeyedSnapshotReader;
import io.weir.state.snapshot.KeyedSnapshotReader.Chunk;
import io.weir.state.snapshot.KeyedSnapshotReader.RestoredState;
import io.weir.state.snapshot.SnapshotCorruptedException;

/**
 * Decodes a restored map state's sections (the format every backend shares: an entry count, then
 * per key the serialized key, the map's size and its key/value pairs) for a {@link WatermarkHook}
 * that rebuilds its own structure from them. The backend restores the map state itself as well.
 */
final class RestoredMapEntries {
  private RestoredMapEntries() {}

  @SuppressWarnings("unchecked")
  static <K, V> void forEach(RestoredState state, StateDescriptor<V> descriptor, TypeSerializer<?> keySerializer,
      KeyedTimers.RestoredEntry<K, V> visitor) {
    KeyedSnapshotReader.checkMatches(state.info(), descriptor);
    TypeSerializer<K> mapKeys = (TypeSerializer<K>) descriptor.mapKeySerializer();
    for (Chunk chunk : state.chunks()) {
      BinaryInput in = new BinaryInput(chunk.bytes());
      try {
        int keys = in.readVarInt();
        for (int k = 0; k < keys; k++) {
          Object key = keySerializer.deserialize(in);
          int entries = in.readVarInt();
          for (int e = 0; e < entries; e++) {
            K mapKey = mapKeys.deserialize(in);
            V value = descriptor.serializer().deserialize(in);
            visitor.accept(key, chunk.keyGroup(), mapKey, value);
          }
        }
      } catch (SerializationException | IndexOutOfBoundsException e) {
        throw new SnapshotCorruptedException("state '" + descriptor.name() + "', key group " + chunk.keyGroup()
            + ": cannot be decoded: " + e, e);
      }
    }
  }
}
