package io.weir.benchmarks.wordcount;

import io.weir.benchmarks.CaseOptions;
import io.weir.benchmarks.checkpoint.CheckpointFigures;
import io.weir.runtime.checkpoint.CheckpointConfig;
import io.weir.runtime.local.JobResult;
import io.weir.runtime.local.LocalCluster;
import io.weir.runtime.local.RunOptions;
import io.weir.runtime.plan.JobCatalog;
import io.weir.runtime.plan.JobPlan;
import io.weir.state.rocksdb.RocksDbOptions;
import io.weir.state.rocksdb.RocksDbStateBackend;
import io.weir.state.snapshot.SnapshotType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * End-to-end driver, one case per JVM (run.sh starts a fresh one each time), printing exactly one
 * line in the anchor's {@code RESULT case=... rec_per_s=... check=OK} format:
 *
 * <pre>
 *   java ... io.weir.benchmarks.wordcount.WordCountBenchmark CASE [p=1] [words=40000000] [seed=42]
 *       [interval=1000] [ckptDir=/tmp/weir-bench-ckpt] [snapshot=full|incremental] [cacheKB=N]
 *   CASE = w1          W1 on the embedded runtime with default options (heap state)
 *        | w1-exchange W1 with the keyed exchange kept even at p=1 (no single-instance chaining)
 *        | w1-rocks    W1 on the RocksDB backend, no checkpoints (W2-rocks without them)
 *        | w2          W2: W1 with an exactly-once aligned checkpoint every {@code interval} ms
 *                      into {@code ckptDir} (the anchor's W2 settings), heap state
 *        | w2-rocks    W2 on RocksDB; {@code snapshot} chooses its checkpoints' type (default full,
 *                      as the anchor's Flink default; incremental uploads only new SST files)
 *                      RocksDB cases: {@code cacheKB} is the record cache per operator instance
 *                      ({@link RocksDbOptions#recordCacheKilobytes()}; default the backend's, 0 = off)
 *        | base-wc     BASE: the hand-written single-threaded loop
 *        | version     the JVM's figures
 * </pre>
 *
 * The job's interval is the anchor's: the first source record to the last sink's end of input.
 * The expected counts are computed before it, outside the interval. W2 cases print
 * {@code checkpoints=<completed>} (the anchor counts the ids its keyed operator heard completed;
 * here the coordinator's count of completed checkpoints, which the tasks hear of too) and the
 * checkpoint figures of the job's statistics; checkpoints are kept in
 * {@code <ckptDir>/<job>-<start millis>} after the run (run-w2.sh deletes them).
 */
public final class WordCountBenchmark {
  private WordCountBenchmark() {}

  public static void main(String[] args) {
    if (args.length == 0) {
      System.err.println("usage: WordCountBenchmark w1|w1-exchange|w1-rocks|w2|w2-rocks|base-wc|version [p=N] [words=N]"
          + " [seed=S] [interval=MS] [ckptDir=DIR] [snapshot=full|incremental] [cacheKB=N] [bufferKB=N]");
      System.exit(2);
    }
    Map<String, String> options = CaseOptions.parse(args);
    int p = Integer.parseInt(options.getOrDefault("p", "1"));
    long words = Long.parseLong(options.getOrDefault("words", "40000000"));
    long seed = Long.parseLong(options.getOrDefault("seed", Long.toString(ZipfLines.DEFAULT_SEED)));
    long lines = words / ZipfLines.WORDS_PER_LINE;
    bufferKilobytes = Integer.parseInt(options.getOrDefault("bufferKB", "0"));
    switch (args[0]) {
      case "w1" -> runJob("WEIR-W1-wordcount", "heap", p, lines, seed, true, null, null);
      case "w1-exchange" -> runJob("WEIR-W1-wordcount", "heap-exchange", p, lines, seed, false, null, null);
      case "w1-rocks" -> runJob("WEIR-W1-wordcount", "rocksdb", p, lines, seed, true, rocksDb(options), null);
      case "w2" -> runJob("WEIR-W2-wordcount-ckpt", "heap", p, lines, seed, true, null, checkpoints(options));
      case "w2-rocks" -> runJob("WEIR-W2-wordcount-ckpt", "rocksdb", p, lines, seed, true, rocksDb(options),
          checkpoints(options));
      case "base-wc" -> runLoop(lines, seed);
      case "version" -> System.out.println("RESULT weir=" + weirVersion()
          + " java=" + System.getProperty("java.version") + " vm=" + System.getProperty("java.vm.name")
          + " cpus=" + Runtime.getRuntime().availableProcessors()
          + " maxHeapMiB=" + (Runtime.getRuntime().maxMemory() >> 20));
      default -> throw new IllegalArgumentException("unknown case " + args[0]);
    }
  }

  /** The version the benchmarks were built against, from a resource Maven filters. */
  private static String weirVersion() {
    Properties properties = new Properties();
    try (InputStream in = WordCountBenchmark.class.getResourceAsStream("/weir-benchmarks.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties.getProperty("version", "unknown");
  }

  /** Exactly-once aligned checkpoints every {@code interval} ms into {@code ckptDir}, as the anchor's W2. */
  private static CheckpointConfig checkpoints(Map<String, String> options) {
    long intervalMillis = Long.parseLong(options.getOrDefault("interval", "1000"));
    return CheckpointConfig.every(Duration.ofMillis(intervalMillis), options.getOrDefault("ckptDir", "/tmp/weir-bench-ckpt"));
  }

  /**
   * The backend's default options but for the type of its checkpoints ({@code snapshot=full}, the
   * default as Flink's, or {@code incremental}) and the record cache ({@code cacheKB}, 0 = off).
   */
  private static RocksDbOptions rocksDb(Map<String, String> options) {
    SnapshotType type = switch (options.getOrDefault("snapshot", "full")) {
      case "full" -> SnapshotType.FULL;
      case "incremental" -> SnapshotType.INCREMENTAL;
      default -> throw new IllegalArgumentException("snapshot must be full or incremental, got " + options.get("snapshot"));
    };
    RocksDbOptions rocks = RocksDbOptions.defaults().withSnapshotType(type);
    String writeBuffer = options.get("writeBufferMB"); // for experiments; run-w2.sh never sets it
    if (writeBuffer != null) {
      rocks = new RocksDbOptions(Integer.parseInt(writeBuffer), rocks.blockCacheMegabytes(), rocks.maxBackgroundJobs(),
          rocks.snapshotType(), rocks.recordCacheKilobytes());
    }
    String cache = options.get("cacheKB");
    return cache == null ? rocks : rocks.withRecordCacheKilobytes(Integer.parseInt(cache));
  }

  /** The network buffer size for experiments ({@code bufferKB=N}); 0 keeps the runtime's default. */
  private static int bufferKilobytes;

  private static void runJob(String name, String variant, int p, long lines, long seed, boolean chainSingleInstance,
      RocksDbOptions rocksDb, CheckpointConfig checkpointing) {
    WordCountCheck check = WordCountCheck.forLines(seed, lines);
    RunTally.reset(check);
    JobPlan plan = JobCatalog.load(WordCountBenchmark.class.getClassLoader()).job(WordLines.JOB);
    RunOptions.Builder builder = RunOptions.builder()
        .parallelism(p)
        .chainSingleInstanceExchanges(chainSingleInstance)
        .parameters("--lines", Long.toString(lines), "--seed", Long.toString(seed));
    if (bufferKilobytes > 0) { // for experiments; run.sh never sets it
      builder.bufferSize(bufferKilobytes * 1024);
    }
    Path rocksDir = null;
    if (rocksDb != null) { // a backend instance (the name alone would give the default snapshot type)
      rocksDir = temporaryDirectory();
      builder.stateBackend(new RocksDbStateBackend(rocksDir, rocksDb));
    }
    if (checkpointing != null) {
      builder.checkpointing(checkpointing);
    }

    long cpuStart = processCpuNanos();
    long start = System.nanoTime();
    JobResult result = new LocalCluster().run(plan, builder.build());
    long wall = System.nanoTime() - start;
    double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
    if (rocksDir != null) {
      deleteTree(rocksDir);
    }

    if (!result.finished()) {
      System.err.println("job " + result.status());
      if (result.failure() != null) {
        result.failure().printStackTrace();
      }
    }
    boolean ok = result.finished() && RunTally.passes();
    String checkpointFigures = checkpointing == null ? ""
        : " " + CheckpointFigures.of(result.checkpoints()) + (rocksDb != null ? " snapshot=" + rocksDb.snapshotType() : "");
    String cacheFigure = rocksDb == null ? "" : " record_cache_kb=" + rocksDb.recordCacheKilobytes();
    print(name, variant, p, check.occurrences(), RunTally.intervalSeconds(),
        result.duration().toNanos() / 1e9, wall / 1e9, RunTally.updates(),
        checkpointing == null ? "-" : Long.toString(result.checkpoints().completed()), ok,
        "distinct_words=" + check.distinctWords() + cpu(check.occurrences(), cpuSeconds) + checkpointFigures
            + cacheFigure);
  }

  private static Path temporaryDirectory() {
    try {
      return Files.createTempDirectory("weir-bench-rocksdb-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      System.err.println("could not delete " + root + ": " + e);
    }
  }

  private static void runLoop(long lines, long seed) {
    WordCountCheck check = WordCountCheck.forLines(seed, lines);
    HandWrittenWordCount loop = new HandWrittenWordCount(seed, lines);
    long cpuStart = processCpuNanos();
    double seconds = loop.run() / 1e9;
    double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
    print("WEIR-BASE-handwritten-wordcount", "none", 1, check.occurrences(), seconds, seconds, seconds,
        loop.updates(), "-", loop.passes(check), "distinct_words=" + check.distinctWords() + cpu(check.occurrences(), cpuSeconds));
  }

  /**
   * CPU time of the whole JVM (all threads: the job's, JIT compilers, GC). On a machine shared
   * with other builds, records per CPU second varies much less than records per wall second, so
   * A/B comparisons report both; it is not a throughput figure for multi-threaded cases.
   */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static String cpu(long records, double cpuSeconds) {
    return String.format(Locale.ROOT, " cpu_s=%.3f rec_per_cpu_s=%.0f", cpuSeconds, records / cpuSeconds);
  }

  /** The anchor's RESULT line; net runtime here is the job's own duration (start of its threads to their end). */
  private static void print(String name, String backend, int p, long records, double intervalS, double netS,
      double wallS, long sinkRecords, String checkpoints, boolean ok, String extra) {
    System.out.println(String.format(Locale.ROOT,
        "RESULT case=%s backend=%s p=%d records=%d interval_s=%.3f rec_per_s=%.0f"
            + " net_runtime_s=%.3f rec_per_s_net=%.0f execute_wall_s=%.3f sink_records=%d"
            + " checkpoints=%s check=%s %s",
        name, backend, p, records, intervalS, records / intervalS, netS, records / netS, wallS, sinkRecords, checkpoints,
        ok ? "OK" : "FAIL", extra));
  }
}
