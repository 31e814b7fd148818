package io.weir.state.rocksdb;

import io.weir.state.AggregatingState;
import io.weir.state.KeyGroupRange;
import io.weir.state.ListState;
import io.weir.state.MapState;
import io.weir.state.ReducingState;
import io.weir.state.ValueState;
import io.weir.state.backend.KeyedStateBackend;
import io.weir.state.backend.StateDescriptor;
import io.weir.state.serialization.BinaryOutput;
import io.weir.state.serialization.TypeSerializer;
import io.weir.state.snapshot.KeyedSnapshotReader;
import io.weir.state.snapshot.KeyedSnapshotReader.RestoredState;
import io.weir.state.snapshot.SnapshotManifest;
import io.weir.state.snapshot.SnapshotStorage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.stream.Stream;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.LRUCache;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Snapshot;
import org.rocksdb.StringAppendOperator;
import org.rocksdb.WriteOptions;

/**
 * RocksDB keyed state of one operator instance: one column family per state, keys laid out key
 * group first ({@link RocksKeys}). Every native object is tracked in {@link #natives} and closed
 * in reverse order by {@link #close}, also when opening fails halfway. Snapshots take a RocksDB
 * snapshot on the task thread (a sequence number, no copying) and write the same section format as
 * the heap backend on the writer thread, so snapshots move between backends.
 */
final class RocksDbKeyedStateBackend implements KeyedStateBackend {
  static {
    RocksDB.loadLibrary();
  }

  private final String operatorId;
  private final KeyGroupRange range;
  private final int maxParallelism;
  private final TypeSerializer<Object> keySerializer;
  private final Path directory;
  private final Deque<AutoCloseable> natives = new ArrayDeque<>();
  private final ColumnFamilyOptions columnOptions;
  private final WriteOptions writeOptions;
  private final RocksDB db;
  private final Map<String, RocksState> states = new LinkedHashMap<>();
  private final BinaryOutput keyBytes = new BinaryOutput(64);
  private Map<String, RestoredState> restore = new HashMap<>();
  private Object currentKey;
  private byte[] currentPrefix;
  private int snapshotsInFlight;
  private boolean closed;

  @SuppressWarnings("unchecked")
  RocksDbKeyedStateBackend(String operatorId, KeyGroupRange range, int maxParallelism,
      TypeSerializer<?> keySerializer, Path directory, RocksDbOptions options) {
    if (range.first() < 0 || range.last() >= maxParallelism || maxParallelism > 1 << 16) {
      throw new IllegalArgumentException("key-group range " + range + " outside [0, " + maxParallelism + ")");
    }
    this.operatorId = operatorId;
    this.range = range;
    this.maxParallelism = maxParallelism;
    this.keySerializer = (TypeSerializer<Object>) keySerializer;
    this.directory = directory;
    try {
      Files.createDirectories(directory);
      LRUCache cache = track(new LRUCache(options.blockCacheMegabytes() * 1024L * 1024L));
      StringAppendOperator append = track(new StringAppendOperator("")); // plain concatenation of list chunks
      columnOptions = track(new ColumnFamilyOptions()
          .setMergeOperator(append)
          .setWriteBufferSize(options.writeBufferMegabytes() * 1024L * 1024L)
          .setTableFormatConfig(new BlockBasedTableConfig().setBlockCache(cache)));
      DBOptions dbOptions = track(new DBOptions()
          .setCreateIfMissing(true)
          .setMaxBackgroundJobs(options.maxBackgroundJobs()));
      // State is made durable by snapshots, not by RocksDB's log: skip the write-ahead log.
      writeOptions = track(new WriteOptions().setDisableWAL(true));
      List<ColumnFamilyHandle> handles = new ArrayList<>();
      db = RocksDB.open(dbOptions, directory.toString(),
          List.of(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, columnOptions)), handles);
      natives.push(db);
      handles.forEach(this::track);
    } catch (RocksDBException | IOException | RuntimeException e) {
      closeNatives();
      throw new RocksDbStateException("cannot open RocksDB for operator " + operatorId + " in " + directory, e);
    }
  }

  private <T extends AutoCloseable> T track(T nativeObject) {
    natives.push(nativeObject);
    return nativeObject;
  }

  RocksDB db() {
    if (closed) {
      throw new IllegalStateException("RocksDB state of operator " + operatorId + " is closed");
    }
    return db;
  }

  WriteOptions writeOptions() {
    return writeOptions;
  }

  @Override
  public KeyGroupRange keyGroupRange() {
    return range;
  }

  @Override
  public void setCurrentKey(Object key, int keyGroup) {
    range.checkContains(keyGroup, key, operatorId);
    keyBytes.clear();
    keySerializer.serialize(key, keyBytes);
    currentPrefix = RocksKeys.prefix(keyGroup, keyBytes.array(), keyBytes.position());
    currentKey = key;
  }

  @Override
  public Object currentKey() {
    return currentKey;
  }

  byte[] currentPrefix(StateDescriptor<?> descriptor) {
    if (currentPrefix == null) {
      throw new IllegalStateException(
          descriptor + " used with no current key: keyed state is only available while processing a record");
    }
    return currentPrefix;
  }

  @Override
  public <T> ValueState<T> valueState(StateDescriptor<T> descriptor) {
    return handle(descriptor, StateDescriptor.Kind.VALUE);
  }

  @Override
  public <T> ListState<T> listState(StateDescriptor<T> descriptor) {
    return handle(descriptor, StateDescriptor.Kind.LIST);
  }

  @Override
  public <T> ReducingState<T> reducingState(StateDescriptor<T> descriptor) {
    return handle(descriptor, StateDescriptor.Kind.REDUCING);
  }

  @Override
  public <IN, ACC, OUT> AggregatingState<IN, OUT> aggregatingState(StateDescriptor<ACC> descriptor) {
    return handle(descriptor, StateDescriptor.Kind.AGGREGATING);
  }

  @Override
  public <K, V> MapState<K, V> mapState(StateDescriptor<V> descriptor) {
    return handle(descriptor, StateDescriptor.Kind.MAP);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private <S> S handle(StateDescriptor descriptor, StateDescriptor.Kind kind) {
    if (descriptor.kind() != kind) {
      throw new IllegalArgumentException(descriptor + " requested as " + kind + " state");
    }
    RocksState existing = states.get(descriptor.name());
    if (existing != null) {
      if (existing.descriptor.kind() != kind
          || !existing.descriptor.formatIdentity().equals(descriptor.formatIdentity())) {
        throw new IllegalArgumentException("state '" + descriptor.name() + "' of operator " + operatorId
            + " is already registered as " + existing.descriptor + " with serializers "
            + existing.descriptor.formatIdentity());
      }
      return (S) existing;
    }
    ColumnFamilyHandle column;
    try {
      column = track(db().createColumnFamily(new ColumnFamilyDescriptor(
          descriptor.name().getBytes(StandardCharsets.UTF_8), columnOptions)));
    } catch (RocksDBException e) {
      throw new RocksDbStateException("cannot create the column family of " + descriptor, e);
    }
    RocksState state = switch (kind) {
      case VALUE -> new RocksSingleValueStates.Value<>(this, column, descriptor);
      case REDUCING -> new RocksSingleValueStates.Reducing<>(this, column, descriptor);
      case AGGREGATING -> new RocksSingleValueStates.Aggregating<>(this, column, descriptor);
      case LIST -> new RocksListState<>(this, column, descriptor);
      case MAP -> new RocksMapState<>(this, column, descriptor);
    };
    RestoredState restored = restore.remove(descriptor.name());
    if (restored != null) {
      KeyedSnapshotReader.checkMatches(restored.info(), descriptor);
      new RocksRestore(db(), column, writeOptions, descriptor, keySerializer).load(restored);
    }
    states.put(descriptor.name(), state);
    return (S) state;
  }

  @Override
  public long keyCount(String stateName) {
    RocksState state = states.get(stateName);
    if (state == null) {
      return 0;
    }
    long count = 0;
    byte[] previous = null;
    try (RocksIterator it = db().newIterator(state.column)) {
      for (it.seekToFirst(); it.isValid(); it.next()) {
        byte[] key = it.key();
        byte[] prefix = java.util.Arrays.copyOf(key, RocksKeys.prefixLength(key));
        if (previous == null || !java.util.Arrays.equals(previous, prefix)) {
          count++;
          previous = prefix;
        }
      }
    }
    return count;
  }

  @Override
  public CompletableFuture<SnapshotManifest> snapshot(
      String snapshotName, TypeSerializer<?> keySerializer, SnapshotStorage storage, Executor writer) {
    Snapshot snapshot = db().getSnapshot(); // task thread: a sequence number, no copying
    synchronized (this) {
      snapshotsInFlight++;
    }
    List<RocksState> frozen = new ArrayList<>(new TreeMap<>(states).values());
    RocksDbSnapshotWriter write = new RocksDbSnapshotWriter(operatorId, snapshotName, range, maxParallelism,
        keySerializer, db, snapshot, frozen);
    CompletableFuture<SnapshotManifest> future;
    try {
      future = CompletableFuture.supplyAsync(() -> write.write(storage), writer);
    } catch (RuntimeException rejected) {
      finishSnapshot(snapshot);
      throw rejected;
    }
    return future.whenComplete((manifest, failure) -> finishSnapshot(snapshot));
  }

  private synchronized void finishSnapshot(Snapshot snapshot) {
    db.releaseSnapshot(snapshot);
    snapshot.close();
    snapshotsInFlight--;
    notifyAll();
  }

  @Override
  public void restore(SnapshotStorage storage, List<String> snapshotNames, TypeSerializer<?> keySerializer) {
    if (!states.isEmpty() || !restore.isEmpty()) {
      throw new IllegalStateException("operator " + operatorId + ": restore before registering any state, once");
    }
    restore = KeyedSnapshotReader.read(storage, snapshotNames, range, maxParallelism, keySerializer);
  }

  /** Waits for snapshots being written, then closes every native object and deletes the working directory. */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      boolean interrupted = false;
      while (snapshotsInFlight > 0) {
        try {
          wait();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      closed = true;
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    states.clear();
    closeNatives();
    deleteDirectory();
  }

  private void closeNatives() {
    while (!natives.isEmpty()) {
      try {
        natives.pop().close();
      } catch (Exception e) {
        // Keep closing the others; a failed close of a native handle leaves nothing to retry.
      }
    }
  }

  private void deleteDirectory() {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete RocksDB working directory " + directory, e);
    }
  }
}
