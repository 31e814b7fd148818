package io.weir.state.rocksdb;

import io.weir.state.KeyGroupRange;
import io.weir.state.snapshot.SnapshotCorruptedException;
import io.weir.state.snapshot.SnapshotFiles;
import io.weir.state.snapshot.SnapshotManifest;
import io.weir.state.snapshot.SnapshotManifest.StateInfo;
import io.weir.state.snapshot.SnapshotStorage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;

/**
 * Restores native (checkpoint) snapshots into a RocksDB backend. First every snapshot whose
 * key-group range overlaps this instance's is downloaded into a local directory and verified; only
 * then is the live database touched: the snapshot overlapping most becomes the database (opened
 * in place, then the key groups outside this instance's range are cut away with deleteRange, which
 * the key-group-first layout makes one range per side), and the overlapping key groups of the
 * others are copied in from temporary read-only databases. A failure from there on leaves the
 * backend empty again, never half restored.
 */
final class RocksNativeRestore {
  private static final long BATCH_BYTES = 4L << 20;

  private record Download(String name, SnapshotManifest manifest, Path directory) {}

  private final RocksDbKeyedStateBackend backend;
  private final KeyGroupRange range;
  private final Path workDirectory;

  RocksNativeRestore(RocksDbKeyedStateBackend backend, KeyGroupRange range, Path workDirectory) {
    this.backend = backend;
    this.range = range;
    this.workDirectory = workDirectory;
  }

  /** Restores {@code natives} (name to manifest); returns the restored states by name. */
  Map<String, StateInfo> restore(SnapshotStorage storage, Map<String, SnapshotManifest> natives) {
    List<Map.Entry<String, SnapshotManifest>> overlapping = new ArrayList<>();
    natives.entrySet().stream()
        .filter(e -> overlap(e.getValue().range()) > 0)
        .sorted(Comparator.comparingInt((Map.Entry<String, SnapshotManifest> e) -> -overlap(e.getValue().range())))
        .forEach(overlapping::add);
    Map<String, StateInfo> states = states(overlapping);
    if (overlapping.isEmpty()) {
      return states;
    }
    try {
      List<Download> downloads = new ArrayList<>();
      for (Map.Entry<String, SnapshotManifest> entry : overlapping) {
        Path target = workDirectory.resolve(Integer.toString(downloads.size()));
        SnapshotFiles.download(storage, entry.getKey(), entry.getValue(), target);
        downloads.add(new Download(entry.getKey(), entry.getValue(), target));
      }
      apply(downloads, new ArrayList<>(states.keySet()));
      backend.rememberSharedFiles(downloads.get(0).manifest());
      return states;
    } catch (IOException e) {
      throw new UncheckedIOException("restoring native snapshots " + natives.keySet() + ": " + e.getMessage(), e);
    } finally {
      LocalDirectories.deleteRecursively(workDirectory);
    }
  }

  /** The states of all snapshots, which must agree on each state's kind and serializers. */
  private static Map<String, StateInfo> states(List<Map.Entry<String, SnapshotManifest>> snapshots) {
    Map<String, StateInfo> states = new TreeMap<>();
    for (Map.Entry<String, SnapshotManifest> entry : snapshots) {
      for (StateInfo info : entry.getValue().states()) {
        StateInfo other = states.putIfAbsent(info.name(), info);
        if (other != null && !other.equals(info)) {
          throw new SnapshotCorruptedException("snapshot " + entry.getKey() + " has " + info + ", another snapshot "
              + other);
        }
      }
    }
    return states;
  }

  private void apply(List<Download> downloads, List<String> stateNames) throws IOException {
    Download base = downloads.get(0);
    try {
      OpenDatabase live = backend.replaceDatabase(base.directory(),
          base.manifest().states().stream().map(StateInfo::name).toList());
      for (ColumnFamilyHandle column : live.columns().values()) {
        cutToRange(live.db, column);
      }
      for (Download other : downloads.subList(1, downloads.size())) {
        copyOverlap(other, live);
      }
      for (String name : stateNames) {
        live.columnOrCreate(name);
      }
    } catch (RocksDBException e) {
      backend.resetToEmpty();
      throw new RocksDbStateException("cannot open the restored RocksDB snapshot " + base.name(), e);
    } catch (IOException | RuntimeException e) {
      backend.resetToEmpty();
      throw e;
    }
  }

  /** Deletes the key groups below and above this instance's range. */
  private void cutToRange(RocksDB db, ColumnFamilyHandle column) throws RocksDBException {
    if (range.first() > 0) {
      db.deleteRange(column, backend.writeOptions(), RocksKeys.keyGroupStart(0), RocksKeys.keyGroupStart(range.first()));
    }
    db.deleteRange(column, backend.writeOptions(), RocksKeys.keyGroupEnd(range.last()), RocksKeys.AFTER_ALL_KEYS);
  }

  /** Copies the key groups {@code other} holds in this instance's range, state by state. */
  private void copyOverlap(Download other, OpenDatabase live) throws RocksDBException {
    byte[] from = RocksKeys.keyGroupStart(Math.max(range.first(), other.manifest().range().first()));
    byte[] to = RocksKeys.keyGroupEnd(Math.min(range.last(), other.manifest().range().last()));
    List<String> names = other.manifest().states().stream().map(StateInfo::name).toList();
    try (OpenDatabase source = OpenDatabase.openReadOnly(other.directory(), names)) {
      for (Map.Entry<String, ColumnFamilyHandle> column : source.columns().entrySet()) {
        ColumnFamilyHandle target = live.columnOrCreate(column.getKey());
        try (RocksIterator it = source.db.newIterator(column.getValue()); WriteBatch batch = new WriteBatch()) {
          for (it.seek(from); it.isValid() && Arrays.compareUnsigned(it.key(), to) < 0; it.next()) {
            batch.put(target, it.key(), it.value());
            if (batch.getDataSize() >= BATCH_BYTES) {
              live.db.write(backend.writeOptions(), batch);
              batch.clear();
            }
          }
          live.db.write(backend.writeOptions(), batch);
        }
      }
    }
  }

  private int overlap(KeyGroupRange other) {
    return Math.max(0, Math.min(range.last(), other.last()) - Math.max(range.first(), other.first()) + 1);
  }
}
