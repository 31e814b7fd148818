package io.weir.state.heap;

import io.weir.state.KeyGroupRange;
import io.weir.state.backend.StateDescriptor;
import io.weir.state.serialization.BinaryOutput;
import io.weir.state.serialization.TypeSerializer;
import io.weir.state.snapshot.SnapshotManifest;
import io.weir.state.snapshot.SnapshotManifest.Section;
import io.weir.state.snapshot.SnapshotManifest.StateInfo;
import io.weir.state.snapshot.SnapshotStorage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes frozen heap state to snapshot storage on the writer thread: one data file with a section
 * per (state, key group), then the manifest. The frozen maps are never changed by the task thread
 * (see {@link StateTable}), so no locking is needed.
 */
final class HeapSnapshotWriter {
  /** One state's descriptor and its key-group maps as frozen on the task thread. */
  record Frozen(StateDescriptor<?> descriptor, KeyGroupMap[] keyGroups) {}

  private final String operatorId;
  private final String snapshotName;
  private final KeyGroupRange range;
  private final int maxParallelism;
  private final TypeSerializer<Object> keySerializer;
  private final List<Frozen> states;

  HeapSnapshotWriter(String operatorId, String snapshotName, KeyGroupRange range, int maxParallelism,
      TypeSerializer<Object> keySerializer, List<Frozen> states) {
    this.operatorId = operatorId;
    this.snapshotName = SnapshotStorage.checkName(snapshotName);
    this.range = range;
    this.maxParallelism = maxParallelism;
    this.keySerializer = keySerializer;
    this.states = states;
  }

  SnapshotManifest write(SnapshotStorage storage) {
    String dataFile = snapshotName + ".data";
    List<StateInfo> infos = new ArrayList<>();
    List<Section> sections = new ArrayList<>();
    BinaryOutput buffer = new BinaryOutput(64 * 1024);
    try (OutputStream out = storage.createDataFile(dataFile)) {
      long offset = 0;
      for (int s = 0; s < states.size(); s++) {
        Frozen state = states.get(s);
        infos.add(new StateInfo(state.descriptor().name(), state.descriptor().kind(),
            state.descriptor().formatIdentity()));
        for (int i = 0; i < state.keyGroups().length; i++) {
          KeyGroupMap entries = state.keyGroups()[i];
          if (entries.isEmpty()) {
            continue;
          }
          buffer.clear();
          buffer.writeVarInt(entries.size());
          for (int slot = 0; slot < entries.capacity(); slot++) {
            Object key = entries.keyAt(slot);
            if (key != null) {
              keySerializer.serialize(key, buffer);
              HeapEntryCodec.write(state.descriptor(), entries.valueAt(slot), buffer);
            }
          }
          int length = buffer.position();
          out.write(buffer.array(), 0, length);
          sections.add(new Section(s, range.first() + i, offset, length,
              SnapshotManifest.crc(buffer.array(), length)));
          offset += length;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing snapshot " + snapshotName + " of operator " + operatorId, e);
    }
    SnapshotManifest manifest = new SnapshotManifest(operatorId, HeapStateBackend.NAME, dataFile,
        identity(keySerializer), maxParallelism, range, List.copyOf(infos), List.copyOf(sections));
    try {
      storage.publishManifest(snapshotName, manifest.encode());
    } catch (IOException e) {
      throw new UncheckedIOException("publishing snapshot " + snapshotName + " of operator " + operatorId, e);
    }
    return manifest;
  }

  static String identity(TypeSerializer<?> serializer) {
    return serializer.formatId() + "@" + serializer.formatVersion();
  }
}
