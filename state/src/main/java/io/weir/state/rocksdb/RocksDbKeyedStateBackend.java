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
import io.weir.state.snapshot.SharedFileRegistry;
import io.weir.state.snapshot.SnapshotManifest;
import io.weir.state.snapshot.SnapshotManifest.DataFile;
import io.weir.state.snapshot.SnapshotManifest.StateInfo;
import io.weir.state.snapshot.SnapshotStorage;
import io.weir.state.snapshot.SnapshotType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.FlushOptions;
import org.rocksdb.LRUCache;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Snapshot;
import org.rocksdb.StringAppendOperator;
import org.rocksdb.WriteOptions;

/**
 * RocksDB keyed state of one operator instance: one column family per state, keys laid out key
 * group first ({@link RocksKeys}). The instance directory holds the database ({@code db/}),
 * checkpoints waiting to be uploaded ({@code checkpoints/}, hard links, so on the same file
 * system) and downloaded snapshots during a restore ({@code restore/}); it is local scratch space,
 * never snapshot storage, and deleted on {@link #close}.
 *
 * <p>Two snapshot types: {@link SnapshotType#FULL} takes a RocksDB snapshot on the task thread (a
 * sequence number) and writes the backend-neutral sections on the writer thread
 * ({@link RocksDbSnapshotWriter}); {@link SnapshotType#INCREMENTAL} flushes and hard-links a
 * checkpoint on the task thread and uploads the SST files earlier snapshots did not on the writer
 * thread ({@link RocksCheckpointUpload}). Options are native objects owned here and closed last.
 */
final class RocksDbKeyedStateBackend implements KeyedStateBackend {
  static {
    RocksDB.loadLibrary();
  }

  private final String operatorId;
  private final KeyGroupRange range;
  private final int maxParallelism;
  private final TypeSerializer<Object> keySerializer;
  private final SnapshotType defaultSnapshotType;
  private final Path directory;
  private final Path dbPath;
  private final Path checkpoints;
  private final Deque<AutoCloseable> options = new ArrayDeque<>();
  private final ColumnFamilyOptions columnOptions;
  private final DBOptions dbOptions;
  private final WriteOptions writeOptions;
  private final FlushOptions flushOptions;
  private OpenDatabase database;
  private final Map<String, RocksState> states = new LinkedHashMap<>();
  /** States restored from native snapshots whose column families wait for the operator to register them. */
  private final Map<String, StateInfo> nativeRestored = new HashMap<>();
  private final BinaryOutput keyBytes = new BinaryOutput(64);
  private Map<String, RestoredState> restore = new HashMap<>();
  /** SST files (by local name) the last incremental snapshot referenced, which the next may reuse. */
  private Map<String, DataFile> sharedFiles = Map.of();
  private long checkpointCounter;
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
    this.defaultSnapshotType = options.snapshotType();
    this.directory = directory;
    this.dbPath = directory.resolve("db");
    this.checkpoints = directory.resolve("checkpoints");
    try {
      Files.createDirectories(dbPath);
      LRUCache cache = track(new LRUCache(options.blockCacheMegabytes() * 1024L * 1024L));
      StringAppendOperator append = track(new StringAppendOperator("")); // plain concatenation of list chunks
      columnOptions = track(new ColumnFamilyOptions()
          .setMergeOperator(append)
          .setWriteBufferSize(options.writeBufferMegabytes() * 1024L * 1024L)
          .setLevel0FileNumCompactionTrigger(options.level0CompactionTrigger())
          .setTableFormatConfig(new BlockBasedTableConfig().setBlockCache(cache)));
      dbOptions = track(new DBOptions()
          .setCreateIfMissing(true)
          .setMaxBackgroundJobs(options.maxBackgroundJobs()));
      // State is made durable by snapshots, not by RocksDB's log: skip the write-ahead log.
      writeOptions = track(new WriteOptions().setDisableWAL(true));
      flushOptions = track(new FlushOptions().setWaitForFlush(true));
      database = OpenDatabase.open(dbOptions, columnOptions, dbPath, List.of());
    } catch (RocksDBException | IOException | RuntimeException e) {
      closeOptions();
      throw new RocksDbStateException("cannot open RocksDB for operator " + operatorId + " in " + directory, e);
    }
  }

  private <T extends AutoCloseable> T track(T nativeObject) {
    options.push(nativeObject);
    return nativeObject;
  }

  RocksDB db() {
    if (closed) {
      throw new IllegalStateException("RocksDB state of operator " + operatorId + " is closed");
    }
    return database.db;
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
    StateInfo fromNative = nativeRestored.get(descriptor.name());
    if (fromNative != null) {
      KeyedSnapshotReader.checkMatches(fromNative, descriptor);
    }
    RestoredState restored = restore.get(descriptor.name());
    if (restored != null) {
      KeyedSnapshotReader.checkMatches(restored.info(), descriptor);
    }
    ColumnFamilyHandle column;
    try {
      db();
      column = database.columnOrCreate(descriptor.name());
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
    if (restore.remove(descriptor.name()) != null) {
      new RocksRestore(db(), column, writeOptions, descriptor, keySerializer).load(restored);
    }
    nativeRestored.remove(descriptor.name());
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
        byte[] prefix = Arrays.copyOf(key, RocksKeys.prefixLength(key));
        if (previous == null || !Arrays.equals(previous, prefix)) {
          count++;
          previous = prefix;
        }
      }
    }
    return count;
  }

  @Override
  public SnapshotType defaultSnapshotType() {
    return defaultSnapshotType;
  }

  /** A {@link SnapshotType#FULL} snapshot (backend-neutral sections); see the interface. */
  @Override
  public CompletableFuture<SnapshotManifest> snapshot(
      String snapshotName, TypeSerializer<?> keySerializer, SnapshotStorage storage, Executor writer) {
    Snapshot snapshot = db().getSnapshot(); // task thread: a sequence number, no copying
    startSnapshot();
    List<RocksState> frozen = new ArrayList<>(new TreeMap<>(states).values());
    RocksDbSnapshotWriter write = new RocksDbSnapshotWriter(operatorId, snapshotName, range, maxParallelism,
        keySerializer, database.db, snapshot, frozen);
    CompletableFuture<SnapshotManifest> future;
    try {
      future = CompletableFuture.supplyAsync(() -> write.write(storage), writer);
    } catch (RuntimeException rejected) {
      finishSnapshot(snapshot);
      throw rejected;
    }
    return future.whenComplete((manifest, failure) -> finishSnapshot(snapshot));
  }

  @Override
  public CompletableFuture<SnapshotManifest> snapshot(String snapshotName, TypeSerializer<?> keySerializer,
      SharedFileRegistry registry, Executor writer, SnapshotType type) {
    if (type == SnapshotType.FULL) {
      return KeyedStateBackend.super.snapshot(snapshotName, keySerializer, registry, writer, type);
    }
    SnapshotStorage.checkName(snapshotName);
    registry.checkUnused(snapshotName);
    // Task thread: flush the memtables and hard-link the live files; nothing is copied.
    Path checkpoint = checkpoints.resolve(snapshotName + "-" + checkpointCounter++);
    RocksCheckpointUpload.createCheckpoint(db(), database.columns().values(), flushOptions, checkpoint,
        "snapshot " + snapshotName + " of operator " + operatorId);
    SnapshotManifest template = new SnapshotManifest(operatorId, RocksDbStateBackend.NAME, "",
        keySerializer.formatId() + "@" + keySerializer.formatVersion(), maxParallelism, range, stateInfos(),
        List.of(), SnapshotManifest.Format.NATIVE_ROCKSDB, List.of());
    RocksCheckpointUpload upload = new RocksCheckpointUpload(snapshotName, checkpoint, template, sharedFiles(), registry);
    startSnapshot();
    CompletableFuture<SnapshotManifest> future;
    try {
      future = CompletableFuture.supplyAsync(upload::run, writer);
    } catch (RuntimeException rejected) {
      LocalDirectories.deleteRecursively(checkpoint);
      finishSnapshot(null);
      throw rejected;
    }
    return future.whenComplete((manifest, failure) -> {
      if (manifest != null) {
        rememberSharedFiles(manifest);
      }
      finishSnapshot(null);
    });
  }

  /** Every column family's state, sorted by name: registered states and natively restored ones not yet registered. */
  private List<StateInfo> stateInfos() {
    Map<String, StateInfo> infos = new TreeMap<>(nativeRestored);
    for (RocksState state : states.values()) {
      StateDescriptor<?> d = state.descriptor;
      infos.put(d.name(), new StateInfo(d.name(), d.kind(), d.formatIdentity()));
    }
    return List.copyOf(infos.values());
  }

  private synchronized Map<String, DataFile> sharedFiles() {
    return sharedFiles;
  }

  /** After a native snapshot or restore: its SST files are what the next incremental snapshot may reuse. */
  synchronized void rememberSharedFiles(SnapshotManifest manifest) {
    Map<String, DataFile> files = new HashMap<>();
    for (DataFile file : manifest.files()) {
      if (file.localName().endsWith(".sst")) {
        files.put(file.localName(), file);
      }
    }
    sharedFiles = Map.copyOf(files);
  }

  private synchronized void startSnapshot() {
    snapshotsInFlight++;
  }

  private synchronized void finishSnapshot(Snapshot snapshot) {
    if (snapshot != null) {
      database.db.releaseSnapshot(snapshot);
      snapshot.close();
    }
    snapshotsInFlight--;
    notifyAll();
  }

  /**
   * Restores from canonical and native snapshots alike. Everything is read and verified first
   * (canonical sections into memory, native files into {@code restore/}); only then is the empty
   * database replaced, so a damaged snapshot leaves this instance empty.
   */
  @Override
  public void restore(SnapshotStorage storage, List<String> snapshotNames, TypeSerializer<?> keySerializer) {
    if (!states.isEmpty() || !restore.isEmpty() || !nativeRestored.isEmpty()) {
      throw new IllegalStateException("operator " + operatorId + ": restore before registering any state, once");
    }
    Map<String, SnapshotManifest> manifests =
        KeyedSnapshotReader.readManifests(storage, snapshotNames, maxParallelism, keySerializer);
    List<String> canonical = new ArrayList<>();
    Map<String, SnapshotManifest> natives = new LinkedHashMap<>();
    manifests.forEach((name, manifest) -> {
      if (manifest.format() == SnapshotManifest.Format.NATIVE_ROCKSDB) {
        natives.put(name, manifest);
      } else {
        canonical.add(name);
      }
    });
    Map<String, RestoredState> sections =
        KeyedSnapshotReader.read(storage, canonical, range, maxParallelism, keySerializer);
    if (!natives.isEmpty()) {
      RocksNativeRestore nativeRestore = new RocksNativeRestore(this, range, directory.resolve("restore"));
      nativeRestored.putAll(nativeRestore.restore(storage, natives));
    }
    restore = sections;
  }

  /**
   * Replaces the (empty) database by the RocksDB files in {@code source}, opened with column
   * families {@code names}; used by a native restore after every file was verified.
   */
  OpenDatabase replaceDatabase(Path source, List<String> names) throws RocksDBException, IOException {
    database.close();
    LocalDirectories.deleteRecursively(dbPath);
    Files.move(source, dbPath);
    database = OpenDatabase.open(dbOptions, columnOptions, dbPath, names);
    return database;
  }

  /** Back to an empty database after a native restore failed halfway: never a partial restore. */
  void resetToEmpty() {
    database.close();
    LocalDirectories.deleteRecursively(dbPath);
    try {
      Files.createDirectories(dbPath);
      database = OpenDatabase.open(dbOptions, columnOptions, dbPath, List.of());
    } catch (RocksDBException | IOException e) {
      throw new RocksDbStateException("cannot reopen an empty RocksDB for operator " + operatorId, e);
    }
  }

  /** Compacts every column family; lets tests replace SST files between snapshots. */
  void compactAll() {
    try {
      for (ColumnFamilyHandle column : database.columns().values()) {
        db().compactRange(column);
      }
    } catch (RocksDBException e) {
      throw new RocksDbStateException("cannot compact the RocksDB state of operator " + operatorId, e);
    }
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
    database.close();
    closeOptions();
    LocalDirectories.deleteRecursively(directory);
  }

  private void closeOptions() {
    while (!options.isEmpty()) {
      try {
        options.pop().close();
      } catch (Exception e) {
        // Keep closing the others; a failed close of a native handle leaves nothing to retry.
      }
    }
  }

}
