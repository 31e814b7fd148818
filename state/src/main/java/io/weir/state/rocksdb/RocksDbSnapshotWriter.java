package io.weir.state.rocksdb;

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
import java.util.Arrays;
import java.util.List;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksIterator;
import org.rocksdb.Snapshot;

/**
 * Writes a RocksDB snapshot on the writer thread: iterates each column family as of the snapshot's
 * sequence number (later writes are invisible to it) in key order, which is key-group order, and
 * writes one section per (state, key group) in the backend-neutral format of
 * {@link io.weir.state.snapshot.KeyedSnapshotReader}: a count, then per key the serialized key and
 * the value (a list as count and elements, a map as count and key/value pairs).
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

  /** Sections of one state being assembled: entries of the current key group and current key. */
  private final class SectionBuilder {
    final BinaryOutput body = new BinaryOutput(64 * 1024);
    final BinaryOutput mapEntries = new BinaryOutput(1024);
    int keyGroup = -1;
    int count;
    byte[] mapPrefix;
    int mapCount;
  }

  SnapshotManifest write(SnapshotStorage storage) {
    String dataFile = snapshotName + ".data";
    List<StateInfo> infos = new ArrayList<>();
    List<Section> sections = new ArrayList<>();
    long[] offset = {0};
    try (OutputStream out = storage.createDataFile(dataFile);
        ReadOptions read = new ReadOptions().setSnapshot(snapshot)) {
      for (int s = 0; s < states.size(); s++) {
        RocksState state = states.get(s);
        StateDescriptor<?> descriptor = state.descriptor;
        infos.add(new StateInfo(descriptor.name(), descriptor.kind(), descriptor.formatIdentity()));
        SectionBuilder b = new SectionBuilder();
        try (RocksIterator it = db.newIterator(state.column, read)) {
          for (it.seekToFirst(); it.isValid(); it.next()) {
            byte[] key = it.key();
            int keyGroup = RocksKeys.keyGroup(key);
            if (keyGroup != b.keyGroup) {
              flush(b, s, out, sections, offset);
              b.keyGroup = keyGroup;
            }
            add(b, descriptor.kind(), key, it.value());
          }
        }
        flush(b, s, out, sections, offset);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing snapshot " + snapshotName + " of operator " + operatorId, e);
    }
    SnapshotManifest manifest = new SnapshotManifest(operatorId, RocksDbStateBackend.NAME, dataFile,
        keySerializer.formatId() + "@" + keySerializer.formatVersion(), maxParallelism, range,
        List.copyOf(infos), List.copyOf(sections));
    try {
      storage.publishManifest(snapshotName, manifest.encode());
    } catch (IOException e) {
      throw new UncheckedIOException("publishing snapshot " + snapshotName + " of operator " + operatorId, e);
    }
    return manifest;
  }

  private void add(SectionBuilder b, StateDescriptor.Kind kind, byte[] key, byte[] value) {
    int prefixLength = RocksKeys.prefixLength(key);
    if (kind == StateDescriptor.Kind.MAP) {
      byte[] prefix = Arrays.copyOf(key, prefixLength);
      if (b.mapPrefix != null && !Arrays.equals(b.mapPrefix, prefix)) {
        closeMap(b);
      }
      b.mapPrefix = prefix;
      b.mapCount++;
      b.mapEntries.writeBytes(key, prefixLength, key.length - prefixLength);
      b.mapEntries.writeBytes(value, 0, value.length);
      return;
    }
    byte[] userKey = RocksKeys.userKey(key);
    b.body.writeBytes(userKey, 0, userKey.length);
    if (kind == StateDescriptor.Kind.LIST) {
      List<int[]> elements = RocksListState.elements(value);
      b.body.writeVarInt(elements.size());
      for (int[] element : elements) {
        b.body.writeBytes(value, element[0], element[1]);
      }
    } else {
      b.body.writeBytes(value, 0, value.length);
    }
    b.count++;
  }

  private static void closeMap(SectionBuilder b) {
    byte[] userKey = RocksKeys.userKey(b.mapPrefix);
    b.body.writeBytes(userKey, 0, userKey.length);
    b.body.writeVarInt(b.mapCount);
    b.body.writeBytes(b.mapEntries.array(), 0, b.mapEntries.position());
    b.count++;
    b.mapEntries.clear();
    b.mapCount = 0;
    b.mapPrefix = null;
  }

  private static void flush(SectionBuilder b, int state, OutputStream out, List<Section> sections, long[] offset)
      throws IOException {
    if (b.mapPrefix != null) {
      closeMap(b);
    }
    if (b.count == 0) {
      return;
    }
    BinaryOutput section = new BinaryOutput(b.body.position() + 5);
    section.writeVarInt(b.count);
    section.writeBytes(b.body.array(), 0, b.body.position());
    out.write(section.array(), 0, section.position());
    sections.add(new Section(state, b.keyGroup, offset[0], section.position(),
        SnapshotManifest.crc(section.array(), section.position())));
    offset[0] += section.position();
    b.body.clear();
    b.count = 0;
  }
}
