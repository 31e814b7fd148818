package io.weir.benchmarks.checkpoint;

import io.weir.benchmarks.CaseOptions;
import io.weir.runtime.checkpoint.CheckpointConfig;
import io.weir.runtime.checkpoint.CheckpointStats;
import io.weir.runtime.checkpoint.CheckpointSummary;
import io.weir.runtime.checkpoint.CheckpointType;
import io.weir.runtime.local.JobHandle;
import io.weir.runtime.local.JobResult;
import io.weir.runtime.local.JobStatus;
import io.weir.runtime.local.LocalCluster;
import io.weir.runtime.local.RunOptions;
import io.weir.runtime.plan.JobCatalog;
import io.weir.runtime.plan.JobPlan;
import io.weir.state.heap.HeapStateBackend;
import io.weir.state.rocksdb.RocksDbOptions;
import io.weir.state.rocksdb.RocksDbStateBackend;
import io.weir.state.snapshot.SnapshotType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeoutException;

/**
 * Checkpoint duration against state size (issue 5), one case per JVM:
 *
 * <pre>
 *   java ... io.weir.benchmarks.checkpoint.CheckpointSizeBenchmark backend=heap|rocksdb keys=1000000
 *       [snapshot=full|incremental] [p=1] [interval=2000] [after=3] [churn=0.01] [ckptDir=/tmp/weir-ckpt-size]
 *       [timeout=300]
 * </pre>
 *
 * The embedded job {@code checkpoint-size} ({@link KeyUpdates} -> keyed {@link StoreValues}) first
 * writes one {@code ValueState<Long>} entry per key, then updates {@code churn} of the keys per
 * second, while exactly-once aligned checkpoints run every {@code interval} ms. The driver waits
 * until every source instance has loaded its keys, then takes the statistics of the first
 * {@code after} checkpoints TRIGGERED after that moment (so each holds the whole state), and
 * cancels the job. For each it prints a {@code CKPT} line: total duration (trigger to completion at
 * the coordinator), the largest synchronous and asynchronous part and alignment over the subtasks,
 * the bytes of state it refers to ({@code state_bytes}: full size) and the bytes it wrote itself
 * ({@code written_bytes}: for incremental RocksDB checkpoints only the new SST files). Then one
 * RESULT line with the medians over those checkpoints, the first one's figures separately (an
 * incremental checkpoint right after the load uploads most of the state) and the load time.
 */
public final class CheckpointSizeBenchmark {
  private CheckpointSizeBenchmark() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = CaseOptions.parse(prepend("size", args));
    String backend = options.getOrDefault("backend", "heap");
    long keys = Long.parseLong(options.getOrDefault("keys", "1000000"));
    int p = Integer.parseInt(options.getOrDefault("p", "1"));
    long interval = Long.parseLong(options.getOrDefault("interval", "2000"));
    int after = Integer.parseInt(options.getOrDefault("after", "3"));
    String churn = options.getOrDefault("churn", "0.01");
    String root = options.getOrDefault("ckptDir", "/tmp/weir-ckpt-size");
    long timeoutSeconds = Long.parseLong(options.getOrDefault("timeout", "300"));
    SnapshotType type = switch (options.getOrDefault("snapshot", "full")) {
      case "full" -> SnapshotType.FULL;
      case "incremental" -> SnapshotType.INCREMENTAL;
      default -> throw new IllegalArgumentException("snapshot must be full or incremental");
    };

    Path rocksDir = null;
    RunOptions.Builder builder = RunOptions.builder()
        .parallelism(p)
        .parameters("--keys", Long.toString(keys), "--churn", churn)
        .progressInterval(Duration.ofHours(1))
        .checkpointing(CheckpointConfig.every(Duration.ofMillis(interval), root));
    switch (backend) {
      case "heap" -> builder.stateBackend(new HeapStateBackend());
      case "rocksdb" -> {
        rocksDir = Files.createTempDirectory("weir-ckpt-size-rocksdb-");
        builder.stateBackend(new RocksDbStateBackend(rocksDir, RocksDbOptions.defaults().withSnapshotType(type)));
      }
      default -> throw new IllegalArgumentException("backend must be heap or rocksdb, got " + backend);
    }

    StateLoad.reset();
    JobPlan plan = JobCatalog.load(CheckpointSizeBenchmark.class.getClassLoader()).job(KeyUpdates.JOB);
    long startMillis = System.currentTimeMillis();
    JobHandle job = new LocalCluster().submit(plan, builder.build());
    long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
    String problem = null;
    Map<Long, CheckpointSummary> measured = new TreeMap<>();
    long loadedMillis = 0;
    long failedAfterLoad = 0;
    try {
      while (StateLoad.loadedInstances() < p && job.status() == JobStatus.RUNNING && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      loadedMillis = StateLoad.lastLoadedMillis();
      if (loadedMillis == 0) {
        problem = "the keys were not loaded (job " + job.status() + ")";
      }
      while (problem == null && measured.size() < after) {
        if (job.status() != JobStatus.RUNNING) {
          problem = "job ended: " + job.status();
        } else if (System.nanoTime() > deadline) {
          problem = "timed out after " + timeoutSeconds + " s with " + measured.size() + " checkpoint(s)";
        } else {
          CheckpointStats stats = job.checkpointStats();
          failedAfterLoad = 0;
          for (CheckpointSummary s : stats.recent()) {
            if (s.type() != CheckpointType.CHECKPOINT || s.triggerMillis() < loadedMillis) {
              continue;
            }
            if (s.status() == CheckpointSummary.Status.COMPLETED && measured.size() < after) {
              measured.putIfAbsent(s.id(), s);
            } else if (s.status() == CheckpointSummary.Status.FAILED) {
              failedAfterLoad++;
            }
          }
          Thread.sleep(20);
        }
      }
    } finally {
      job.cancel();
    }
    JobResult result;
    try {
      result = job.await(Duration.ofSeconds(120));
    } catch (TimeoutException e) {
      result = null;
      problem = problem == null ? "the job did not stop within 120 s of cancel" : problem;
    }
    if (rocksDir != null) {
      deleteTree(rocksDir);
    }
    if (result != null && result.failure() != null) {
      problem = problem == null ? "job failed: " + result.failure() : problem;
    }

    String what = String.format(Locale.ROOT, "backend=%s snapshot=%s keys=%d p=%d interval_ms=%d", backend,
        backend.equals("heap") ? "FULL" : type, keys, p, interval);
    List<CheckpointSummary> list = new ArrayList<>(measured.values());
    int seq = 0;
    for (CheckpointSummary s : list) {
      System.out.println(String.format(Locale.ROOT,
          "CKPT %s seq=%d id=%d total_ms=%d sync_ms=%d async_ms=%d align_ms=%d state_bytes=%d written_bytes=%d",
          what, ++seq, s.id(), s.durationMillis(), s.maxSyncMillis(), s.maxAsyncMillis(), s.maxAlignmentMillis(),
          s.stateBytes(), s.writtenBytes()));
    }
    boolean ok = problem == null && list.size() == after;
    StringBuilder line = new StringBuilder("RESULT case=WEIR-CKPT-size ").append(what)
        .append(String.format(Locale.ROOT, " load_s=%.3f checkpoints=%d failed_after_load=%d", loadedMillis == 0 ? Double.NaN
            : (loadedMillis - startMillis) / 1e3, list.size(), failedAfterLoad));
    if (!list.isEmpty()) {
      CheckpointSummary first = list.get(0);
      line.append(String.format(Locale.ROOT,
          " total_ms=%d sync_ms=%d async_ms=%d align_ms=%d state_bytes=%d written_bytes=%d"
              + " first_total_ms=%d first_written_bytes=%d",
          CheckpointFigures.median(list, CheckpointSummary::durationMillis),
          CheckpointFigures.median(list, CheckpointSummary::maxSyncMillis),
          CheckpointFigures.median(list, CheckpointSummary::maxAsyncMillis),
          CheckpointFigures.median(list, CheckpointSummary::maxAlignmentMillis),
          CheckpointFigures.median(list, CheckpointSummary::stateBytes),
          CheckpointFigures.median(list, CheckpointSummary::writtenBytes),
          first.durationMillis(), first.writtenBytes()));
    }
    line.append(" check=").append(ok ? "OK" : "FAIL");
    if (problem != null) {
      line.append(" problem=").append(problem.replaceAll("\\s+", "_"));
    }
    System.out.println(line);
    System.exit(ok ? 0 : 1);
  }

  /** {@link CaseOptions} expects a case name first. */
  private static String[] prepend(String first, String[] rest) {
    String[] all = new String[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }

  private static void deleteTree(Path root) {
    try (var paths = Files.walk(root)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete " + root, e);
    }
  }
}
