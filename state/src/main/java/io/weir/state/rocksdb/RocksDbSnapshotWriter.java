package io.weir.state.rocksdb;

import io.weir.state.KeyGroupRange;
import io.weir.state.backend.StateDescriptor;
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
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksIterator;
import org.rocksdb.Snapshot;

/**
 * Writes a RocksDB snapshot on the writer thread: iterates each column family as of the snapshot's
 * sequence number (later writes are invisible to it) in key order, which is key-group order, and
 * writes one section per (state, key group) in the backend-neutral format ({@link CanonicalSections}).
 * This is the {@link io.weir.state.snapshot.SnapshotType#FULL} snapshot; see
 * {@link RocksCheckpointUpload} for the incremental one.
 */
final class RocksDbSnapshotWriter {
  private final String operatorId;
  private final String snapshotName;
  private final KeyGroupRange range;
  private final int maxParallelism;
  private final TypeSerializer<?> keySerializer;
  private final RocksDB db;
  private final Snapshot snapshot;
  private final List<RocksState> states;

  RocksDbSnapshotWriter(String operatorId, String snapshotName, KeyGroupRange range, int maxParallelism,
      TypeSerializer<?> keySerializer, RocksDB db, Snapshot snapshot, List<RocksState> states) {
    this.operatorId = operatorId;
    this.snapshotName = SnapshotStorage.checkName(snapshotName);
    this.range = range;
    this.maxParallelism = maxParallelism;
    this.keySerializer = keySerializer;
    this.db = db;
    this.snapshot = snapshot;
    this.states = states;
  }

  SnapshotManifest write(SnapshotStorage storage) {
    String dataFile = snapshotName + ".data";
    List<StateInfo> infos = new ArrayList<>();
    List<Section> written = new ArrayList<>();
    long[] offset = {0};
    try (OutputStream out = storage.createDataFile(dataFile);
        ReadOptions read = new ReadOptions().setSnapshot(snapshot)) {
      for (int s = 0; s < states.size(); s++) {
        RocksState state = states.get(s);
        StateDescriptor<?> descriptor = state.descriptor;
        infos.add(new StateInfo(descriptor.name(), descriptor.kind(), descriptor.formatIdentity()));
        int index = s;
        CanonicalSections sections = new CanonicalSections(descriptor.kind(), (keyGroup, bytes, length) -> {
          out.write(bytes, 0, length);
          written.add(new Section(index, keyGroup, offset[0], length, SnapshotManifest.crc(bytes, length)));
          offset[0] += length;
        });
        try (RocksIterator it = db.newIterator(state.column, read)) {
          for (it.seekToFirst(); it.isValid(); it.next()) {
            sections.add(it.key(), it.value());
          }
        }
        sections.finish();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing snapshot " + snapshotName + " of operator " + operatorId, e);
    }
    SnapshotManifest manifest = new SnapshotManifest(operatorId, RocksDbStateBackend.NAME, dataFile,
        keySerializer.formatId() + "@" + keySerializer.formatVersion(), maxParallelism, range,
        List.copyOf(infos), List.copyOf(written));
    try {
      storage.publishManifest(snapshotName, manifest.encode());
    } catch (IOException e) {
      throw new UncheckedIOException("publishing snapshot " + snapshotName + " of operator " + operatorId, e);
    }
    return manifest;
  }
}
