package io.weir.benchmarks.state;

import io.weir.state.KeyGroupRange;
import io.weir.state.KeyGroups;
import io.weir.state.ValueState;
import io.weir.state.backend.KeyedStateBackend;
import io.weir.state.backend.StateBackend;
import io.weir.state.backend.StateDescriptor;
import io.weir.state.heap.HeapStateBackend;
import io.weir.state.rocksdb.RocksDbStateBackend;
import io.weir.state.serialization.LongSerializer;
import io.weir.state.serialization.StringSerializer;
import io.weir.state.snapshot.LocalDirectorySnapshotStorage;
import io.weir.state.snapshot.SharedFileRegistry;
import io.weir.state.snapshot.SnapshotManifest;
import io.weir.state.snapshot.SnapshotManifest.DataFile;
import io.weir.state.snapshot.SnapshotType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * End-to-end snapshot figures for about 1 GB of keyed state (issue 3): one instance owning all 128
 * key groups, {@code ValueState<String>} of {@code valueBytes} characters per {@code long} key.
 * Measures a full (canonical) snapshot and, on RocksDB, a first incremental snapshot (every SST
 * uploaded) and a second one after changing {@code changed} of the keys: the task-thread pause
 * (the {@code snapshot} call: a freeze, or a flush plus hard links), the time until the snapshot
 * is published, and the bytes written to snapshot storage. While a snapshot is written the task
 * thread keeps reading state, to show it is not blocked; the reads are counted. Last, the second
 * incremental snapshot is restored into a fresh RocksDB instance (download, verify, open), timed,
 * and 10,000 random keys are checked.
 *
 * <pre>java -Xmx6g -cp ... io.weir.benchmarks.state.LargeStateSnapshots backend=rocksdb gb=1 [valueBytes=200]
 *     [changed=0.05] [dir=/tmp/weir-large-state]</pre>
 */
public final class LargeStateSnapshots {
  private static final int MAX_PARALLELISM = 128;

  private final Map<String, String> args;
  private final long keys;
  private final int valueBytes;
  private final String pool;
  private KeyedStateBackend backend;
  private ValueState<String> value;

  private LargeStateSnapshots(Map<String, String> args) {
    this.args = args;
    this.valueBytes = Integer.parseInt(args.getOrDefault("valueBytes", "200"));
    double gb = Double.parseDouble(args.getOrDefault("gb", "1"));
    // per entry: the value, the 8-byte key and a few bytes of layout
    this.keys = (long) (gb * (1L << 30) / (valueBytes + 11));
    StringBuilder chars = new StringBuilder(1 << 16);
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < 1 << 16; i++) {
      chars.append((char) ('!' + random.nextInt(94)));
    }
    this.pool = chars.toString();
  }

  public static void main(String[] argv) throws Exception {
    Map<String, String> args = new HashMap<>();
    for (String arg : argv) {
      int eq = arg.indexOf('=');
      args.put(arg.substring(0, eq), arg.substring(eq + 1));
    }
    new LargeStateSnapshots(args).run();
  }

  private String valueFor(long key, int version) {
    int offset = (int) Math.floorMod(key * 7919L + version * 104729L, (long) pool.length() - valueBytes);
    return pool.substring(offset, offset + valueBytes);
  }

  private void put(long key, int version) {
    backend.setCurrentKey(key, KeyGroups.keyGroupFor(Long.hashCode(key), MAX_PARALLELISM));
    value.update(valueFor(key, version));
  }

  private void run() throws Exception {
    String kind = args.getOrDefault("backend", "rocksdb");
    double changed = Double.parseDouble(args.getOrDefault("changed", "0.05"));
    Path root = Path.of(args.getOrDefault("dir", "/tmp/weir-large-state"));
    deleteRecursively(root);
    LocalDirectorySnapshotStorage storage = new LocalDirectorySnapshotStorage(root.resolve("snapshots"));
    SharedFileRegistry registry = new SharedFileRegistry(storage);
    StateBackend stateBackend = kind.equals("heap") ? new HeapStateBackend() : new RocksDbStateBackend(root.resolve("rocksdb"));
    ExecutorService writer = Executors.newSingleThreadExecutor();
    try {
      backend = stateBackend.createKeyedBackend("large", new KeyGroupRange(0, MAX_PARALLELISM - 1), MAX_PARALLELISM,
          LongSerializer.INSTANCE);
      value = backend.valueState(StateDescriptor.value("v", StringSerializer.INSTANCE));
      long start = System.nanoTime();
      for (long key = 0; key < keys; key++) {
        put(key, 0);
      }
      System.out.printf("RESULT case=populate backend=%s keys=%d value_bytes=%d raw_mb=%.0f seconds=%.1f%n", kind, keys,
          valueBytes, keys * (valueBytes + 8.0) / (1 << 20), (System.nanoTime() - start) / 1e9);

      measure("full", kind, storage, registry, writer, SnapshotType.FULL, "full");
      if (kind.equals("heap")) {
        return;
      }
      measure("incremental-first", kind, storage, registry, writer, SnapshotType.INCREMENTAL, "inc1");
      long changes = (long) (keys * changed);
      long step = Math.max(1, keys / Math.max(1, changes));
      start = System.nanoTime();
      long made = 0;
      for (long key = 0; key < keys && made < changes; key += step, made++) {
        put(key, 1);
      }
      System.out.printf("RESULT case=change backend=%s keys_changed=%d fraction=%.3f seconds=%.1f%n", kind, made,
          (double) made / keys, (System.nanoTime() - start) / 1e9);
      measure("incremental-after-change", kind, storage, registry, writer, SnapshotType.INCREMENTAL, "inc2");
      restore(kind, stateBackend, storage, "inc2", step, changes);
      System.out.printf("RESULT case=storage backend=%s retained_snapshots=%s stored_mb=%.1f rocksdb_dir_mb=%.1f%n", kind,
          registry.snapshots(), size(root.resolve("snapshots")) / 1048576.0, size(root.resolve("rocksdb")) / 1048576.0);
    } finally {
      if (backend != null) {
        backend.close();
      }
      writer.shutdown();
      deleteRecursively(root);
    }
  }

  private void measure(String label, String kind, LocalDirectorySnapshotStorage storage, SharedFileRegistry registry,
      ExecutorService writer, SnapshotType type, String name) throws IOException {
    long before = size(storage.directory());
    long start = System.nanoTime();
    CompletableFuture<SnapshotManifest> snapshot =
        backend.snapshot(name, LongSerializer.INSTANCE, registry, writer, type);
    long pause = System.nanoTime() - start;
    SplittableRandom random = new SplittableRandom(7);
    long reads = 0;
    while (!snapshot.isDone()) {
      long key = random.nextLong(keys);
      backend.setCurrentKey(key, KeyGroups.keyGroupFor(Long.hashCode(key), MAX_PARALLELISM));
      if (value.value() == null) {
        throw new IllegalStateException("key " + key + " lost its value");
      }
      reads++;
    }
    SnapshotManifest manifest = snapshot.join();
    long total = System.nanoTime() - start;
    long written = size(storage.directory()) - before;
    long files = manifest.format() == SnapshotManifest.Format.CANONICAL ? 1
        : manifest.files().stream().filter(f -> f.name().startsWith(name + "-")).count();
    long ssts = manifest.files().stream().filter(f -> f.name().startsWith(name + "-") && f.name().endsWith(".sst")).count();
    long referenced = manifest.files().stream().mapToLong(DataFile::size).sum();
    System.out.printf("RESULT case=%s backend=%s pause_ms=%.2f total_s=%.2f written_mb=%.1f files_written=%d"
            + " sst_written=%d files_referenced=%d snapshot_mb=%.1f reads_while_writing=%d%n", label, kind, pause / 1e6, total / 1e9,
        written / 1048576.0, files, ssts, manifest.files().isEmpty() ? 1 : manifest.files().size(),
        (manifest.files().isEmpty() ? written : referenced) / 1048576.0, reads);
  }

  /**
   * Restores native snapshot {@code name} into a fresh instance with the same key groups (download,
   * verify, open) and checks a sample of keys against the values written.
   */
  private void restore(String kind, StateBackend stateBackend, LocalDirectorySnapshotStorage storage, String name,
      long step, long changes) {
    long start = System.nanoTime();
    try (KeyedStateBackend restored = stateBackend.createKeyedBackend("large",
        new KeyGroupRange(0, MAX_PARALLELISM - 1), MAX_PARALLELISM, LongSerializer.INSTANCE)) {
      restored.restore(storage, java.util.List.of(name), LongSerializer.INSTANCE);
      ValueState<String> restoredValue = restored.valueState(StateDescriptor.value("v", StringSerializer.INSTANCE));
      long seconds = System.nanoTime() - start;
      SplittableRandom random = new SplittableRandom(11);
      for (int i = 0; i < 10_000; i++) {
        long key = random.nextLong(keys);
        boolean changed = key % step == 0 && key / step < changes;
        restored.setCurrentKey(key, KeyGroups.keyGroupFor(Long.hashCode(key), MAX_PARALLELISM));
        if (!valueFor(key, changed ? 1 : 0).equals(restoredValue.value())) {
          throw new IllegalStateException("restored key " + key + " has the wrong value");
        }
      }
      System.out.printf("RESULT case=restore-%s backend=%s seconds=%.2f sampled_keys_ok=10000%n", name, kind,
          seconds / 1e9);
    }
  }

  private static long size(Path root) throws IOException {
    if (!Files.exists(root)) {
      return 0;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      return paths.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  private static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
