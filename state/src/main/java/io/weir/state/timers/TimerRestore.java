package io.weir.state.timers;

import io.weir.state.serialization.BinaryInput;
import io.weir.state.serialization.LongSerializer;
import io.weir.state.serialization.SerializationException;
import io.weir.state.serialization.TypeSerializer;
import io.weir.state.snapshot.KeyedSnapshotReader.Chunk;
import io.weir.state.snapshot.KeyedSnapshotReader.RestoredState;
import io.weir.state.snapshot.SnapshotCorruptedException;
import java.util.Map;

/**
 * Rebuilds timer queues from keyed snapshots. Timers are saved as two map states (timestamp to
 * {@code true} per key), whose sections use the format every backend shares: an entry count, then
 * per key the serialized key, the map's size and its timestamp/flag pairs. The backend restores the
 * map states themselves; this only reads them once more to refill the in-memory queues.
 */
final class TimerRestore {
  private TimerRestore() {}

  /** Adds the timers of each named state found among the restored {@code states} to its queue. */
  static void restore(Map<String, RestoredState> states, TypeSerializer<?> keySerializer,
      Map<String, TimerQueue> queuesByState) {
    for (Map.Entry<String, TimerQueue> target : queuesByState.entrySet()) {
      RestoredState state = states.get(target.getKey());
      if (state == null) {
        continue;
      }
      for (Chunk chunk : state.chunks()) {
        readChunk(target.getKey(), chunk, keySerializer, target.getValue());
      }
    }
  }

  private static void readChunk(String stateName, Chunk chunk, TypeSerializer<?> keySerializer, TimerQueue queue) {
    BinaryInput in = new BinaryInput(chunk.bytes());
    try {
      int keys = in.readVarInt();
      for (int k = 0; k < keys; k++) {
        Object key = keySerializer.deserialize(in);
        int timers = in.readVarInt();
        for (int t = 0; t < timers; t++) {
          long timestamp = LongSerializer.INSTANCE.deserialize(in);
          in.readBoolean();
          queue.restored(timestamp, key, chunk.keyGroup());
        }
      }
    } catch (SerializationException | IndexOutOfBoundsException e) {
      throw new SnapshotCorruptedException("timers '" + stateName + "', key group " + chunk.keyGroup()
          + ": cannot be decoded: " + e, e);
    }
  }
}
