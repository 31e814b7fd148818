package io.weir.state.heap;

import io.weir.state.KeyGroupRange;
import io.weir.state.backend.StateDescriptor;
import io.weir.state.serialization.BinaryInput;
import io.weir.state.serialization.TypeSerializer;
import io.weir.state.snapshot.KeyedSnapshotReader;
import io.weir.state.snapshot.KeyedSnapshotReader.Chunk;
import io.weir.state.snapshot.KeyedSnapshotReader.RestoredState;
import io.weir.state.snapshot.SnapshotStorage;
import java.util.List;
import java.util.Map;

/**
 * Restored heap state waiting for its states to be registered: the verified sections of
 * {@link KeyedSnapshotReader}, decoded into a state's table when the operator registers it.
 */
final class HeapRestore {
  private final Map<String, RestoredState> pending;
  private final TypeSerializer<Object> keySerializer;

  private HeapRestore(Map<String, RestoredState> pending, TypeSerializer<Object> keySerializer) {
    this.pending = pending;
    this.keySerializer = keySerializer;
  }

  static HeapRestore read(SnapshotStorage storage, List<String> snapshotNames, KeyGroupRange range,
      int maxParallelism, TypeSerializer<Object> keySerializer) {
    return new HeapRestore(
        KeyedSnapshotReader.read(storage, snapshotNames, range, maxParallelism, keySerializer), keySerializer);
  }

  /** Fills {@code table}, just registered, with its restored entries, if the snapshot had any. */
  void restoreInto(StateTable table, KeyGroupRange range) {
    RestoredState state = pending.remove(table.descriptor.name());
    if (state == null) {
      return;
    }
    StateDescriptor<?> descriptor = table.descriptor;
    KeyedSnapshotReader.checkMatches(state.info(), descriptor);
    for (Chunk chunk : state.chunks()) {
      KeyGroupMap map = table.write(chunk.keyGroup() - range.first());
      BinaryInput in = new BinaryInput(chunk.bytes());
      int count = in.readVarInt();
      for (int i = 0; i < count; i++) {
        Object key = keySerializer.deserialize(in);
        map.put(key, HeapEntryCodec.read(descriptor, in, table.epoch()));
      }
    }
  }
}
