package io.weir.runtime.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.runtime.checkpoint.CheckpointConfig;
import io.weir.runtime.checkpoint.CheckpointStats;
import io.weir.runtime.checkpoint.CheckpointSummary;
import io.weir.runtime.checkpoint.CheckpointType;
import io.weir.runtime.checkpoint.CompletedCheckpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoints and savepoints of jobs running in the embedded runtime, end to end. */
@Timeout(120)
class CheckpointEmbeddedTest {
  private static final int PARTITIONS = 6;
  private static final long PER_PARTITION = 3000;
  @TempDir Path temp;

  private static RunOptions.Builder options(String run, int parallelism, String... more) {
    return GatedWordCountJob.options(run, PARTITIONS, PER_PARTITION, parallelism, more);
  }

  @Test
  void periodicCheckpointsCompleteWhileAWordCountRunsAndCountsStayExact() throws Exception {
    String run = "periodic";
    JobHandle job = new LocalCluster().submit(GatedWordCountJob.plan(2), options(run, 2, "--pause-after", "1000")
        .checkpointing(CheckpointConfig.every(Duration.ofMillis(100), temp.toString())).build());
    Waiting.forJob(job, () -> job.checkpointStats().completed() >= 1, "a completed checkpoint");
    GatedWordCountJob.gate(run).set(true);
    JobResult result = job.await(Duration.ofSeconds(60)).orThrow();

    assertEquals(GatedWordCountJob.oracle(PARTITIONS, PER_PARTITION), GatedWordCountJob.latest(run));
    CheckpointStats stats = result.checkpoints();
    assertTrue(stats.completed() >= 1, stats.describe());
    CheckpointSummary last = stats.lastCompleted().orElseThrow();
    assertTrue(last.stateBytes() > 0, last.describe());
    assertTrue(last.writtenBytes() > 0, last.describe());
    assertEquals(CheckpointType.CHECKPOINT, last.type());
    try (Stream<Path> dirs = Files.list(temp)) {
      Path jobDir = dirs.filter(p -> p.getFileName().toString().startsWith("gated-wc-")).findFirst().orElseThrow();
      assertTrue(Files.exists(jobDir.resolve("chk-" + last.id() + "-metadata.manifest")),
          "the retained checkpoint stays after the job in the configured directory");
    }
  }

  @Test
  void aSavepointResumesAtAnotherParallelismWithTheSameFinalCounts() throws Exception {
    String first = "savepoint-run";
    JobHandle job = new LocalCluster().submit(GatedWordCountJob.plan(2), options(first, 2, "--pause-after", "4000")
        .checkpointing(CheckpointConfig.disabled()).build());
    long half = 2 * 4000;
    Waiting.forJob(job, () -> GatedWordCountJob.emitted(first).get() >= half, "both sources to reach their pause");
    CompletedCheckpoint savepoint = job.triggerSavepoint(temp.resolve("savepoints").toString()).get(60, TimeUnit.SECONDS);
    job.cancel();
    assertEquals(JobStatus.CANCELED, job.await(Duration.ofSeconds(60)).status());
    assertTrue(savepoint.isSavepoint());
    assertTrue(Path.of(savepoint.location()).getFileName().toString().matches("savepoint-gated-wc-\\d+-[0-9a-f]{6}"));
    assertTrue(savepoint.stateBytes() > 0);
    assertFalse(GatedWordCountJob.latest(first).isEmpty());

    String second = "restored-run";
    GatedWordCountJob.gate(second).set(true);
    JobResult resumed = new LocalCluster().run(GatedWordCountJob.plan(2), options(second, 3)
        .restoreFrom(Path.of(savepoint.location())).build()).orThrow();
    assertEquals(3, resumed.vertex("Count").parallelism());
    assertEquals(PARTITIONS * PER_PARTITION - half, GatedWordCountJob.emitted(second).get(),
        "the resumed sources continue where the savepoint left them");
    assertEquals(GatedWordCountJob.oracle(PARTITIONS, PER_PARTITION), GatedWordCountJob.latest(second));
    assertTrue(Files.exists(Path.of(savepoint.location()).resolve(savepoint.metadataName() + ".manifest")),
        "savepoints are never deleted");
  }

  @Test
  void aSavepointOfAJobWithoutCheckpointingFailsClearly() throws Exception {
    String run = "no-checkpointing";
    GatedWordCountJob.gate(run).set(true);
    JobHandle job = new LocalCluster().submit(GatedWordCountJob.plan(1), options(run, 1).build());
    ExecutionException e = assertThrows(ExecutionException.class,
        () -> job.triggerSavepoint(temp.toString()).get(10, TimeUnit.SECONDS));
    assertTrue(e.getCause().getMessage().contains("started without checkpointing"), e.getCause().getMessage());
    job.await(Duration.ofSeconds(60)).orThrow();
  }

  @Test
  void aRestoreThatDoesNotFitFailsBeforeAnythingRuns() throws Exception {
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> new LocalCluster().submit(
        GatedWordCountJob.plan(1), options("x", 1).restoreFrom(temp.resolve("nothing-here")).build()));
    assertTrue(missing.getMessage().contains("no checkpoint or savepoint at"), missing.getMessage());
  }

  @Test
  void aJobThatEndedRefusesSavepoints() throws Exception {
    String run = "finishing";
    GatedWordCountJob.gate(run).set(true);
    JobHandle job = new LocalCluster().submit(GatedWordCountJob.plan(1), options(run, 1, "--per-partition", "1")
        .checkpointing(CheckpointConfig.disabled()).build());
    job.await(Duration.ofSeconds(60)).orThrow();
    ExecutionException e = assertThrows(ExecutionException.class,
        () -> job.triggerSavepoint(temp.toString()).get(10, TimeUnit.SECONDS));
    assertTrue(e.getCause().getMessage().contains("no longer running"), e.getCause().getMessage());
  }

  @Test
  void oneFinishedSourceSubtaskStopsCheckpointsNamingIt() throws Exception {
    String run = "half-finished";
    // one partition: the second source subtask owns none and finishes at once; the first waits at its gate
    JobHandle job = new LocalCluster().submit(GatedWordCountJob.plan(2), RunOptions.builder().parallelism(2)
        .parameters("--run", run, "--partitions", "1", "--per-partition", "100", "--pause-after", "10")
        .checkpointing(CheckpointConfig.every(Duration.ofMillis(20), "")).build());
    String refusal = "";
    for (int attempt = 0; attempt < 500 && !refusal.contains("finished"); attempt++) {
      try { // a savepoint may still succeed if its barrier beats the second subtask's end
        job.triggerSavepoint(temp.toString()).get(10, TimeUnit.SECONDS);
      } catch (ExecutionException e) { // refused once the end is known; declined by the ending subtask before
        refusal = e.getCause().getMessage();
      }
      Thread.sleep(10);
    }
    assertTrue(refusal.contains("Sentences -> Tokenize (2/2)") && refusal.contains("finished"), refusal);
    // one whose metadata was being written when the subtask finished may still complete; none starts
    Waiting.forJob(job, () -> job.checkpointStats().inProgress() == 0, "the last checkpoint to settle");
    long completed = job.checkpointStats().completed();
    Thread.sleep(200);
    assertEquals(completed, job.checkpointStats().completed(), "no periodic checkpoint completes any more");
    GatedWordCountJob.gate(run).set(true);
    job.await(Duration.ofSeconds(60)).orThrow();
  }

  @Test
  void incrementalRocksDbCheckpointsKeepTheFilesTheRetainedOneNeedsAndRestoreFromTheDirectory() throws Exception {
    String run = "rocks";
    long step = 1000;
    JobHandle job = new LocalCluster().submit(GatedWordCountJob.plan(2), options(run, 2, "--pause-after", "" + step)
        .stateBackend(new io.weir.state.rocksdb.RocksDbStateBackend(temp.resolve("rocksdb-work"),
            io.weir.state.rocksdb.RocksDbOptions.defaults().withSnapshotType(io.weir.state.snapshot.SnapshotType.INCREMENTAL)))
        .checkpointing(CheckpointConfig.every(Duration.ofMillis(30), temp.resolve("checkpoints").toString())
            .withRetained(2)).build());
    for (int i = 1; i <= 3; i++) {
      long limit = i * step;
      GatedWordCountJob.limit(run).set(limit);
      Waiting.forJob(job, () -> GatedWordCountJob.emitted(run).get() >= 2 * limit, "the sources to reach " + limit);
      long before = job.checkpointStats().completed();
      Waiting.forJob(job, () -> job.checkpointStats().completed() >= before + 2, "a checkpoint after step " + i);
    }
    job.cancel();
    JobResult first = job.await(Duration.ofSeconds(60));
    assertEquals(JobStatus.CANCELED, first.status());
    long emittedBefore = GatedWordCountJob.emitted(run).get();

    Path jobDir;
    try (Stream<Path> dirs = Files.list(temp.resolve("checkpoints"))) {
      jobDir = dirs.filter(p -> p.getFileName().toString().startsWith("gated-wc-")).findFirst().orElseThrow();
    }
    io.weir.state.snapshot.LocalDirectorySnapshotStorage storage =
        new io.weir.state.snapshot.LocalDirectorySnapshotStorage(jobDir);
    java.util.List<Long> retained = storage.listManifests().stream()
        .mapToLong(io.weir.runtime.checkpoint.CheckpointMetadata::idOfMetadataName).filter(id -> id > 0).sorted()
        .boxed().toList();
    assertEquals(2, retained.size(), "retained=2 keeps two checkpoints: " + retained);
    java.util.Set<String> referenced = new java.util.TreeSet<>();
    for (long id : retained) {
      String name = io.weir.runtime.checkpoint.CheckpointMetadata.metadataName(id);
      for (String keyed : io.weir.runtime.checkpoint.CheckpointMetadataFormat.decode(name, storage.readManifest(name))
          .keyedManifests()) {
        for (String file : io.weir.state.snapshot.SnapshotManifest.decode(keyed, storage.readManifest(keyed))
            .dataFiles()) {
          assertTrue(Files.exists(storage.dataPath(file)), file + " is referenced by retained checkpoint " + id);
          referenced.add(file);
        }
      }
    }
    try (Stream<Path> files = Files.list(jobDir)) {
      for (String file : files.map(p -> p.getFileName().toString()).toList()) {
        long id = Long.parseLong(file.substring(4, file.indexOf('-', 4)));
        // at the job's end only the retained checkpoints stay, with the older shared files they reference
        assertTrue(retained.contains(id) || referenced.contains(file),
            file + " belongs to a checkpoint that is not retained and is not referenced: it should have been deleted");
      }
    }

    String second = "rocks-restored";
    GatedWordCountJob.gate(second).set(true);
    JobResult resumed = new LocalCluster().run(GatedWordCountJob.plan(2), options(second, 3).stateBackend("rocksdb")
        .restoreFrom(jobDir).build()).orThrow();
    assertEquals(3, resumed.vertex("Count").parallelism());
    assertTrue(GatedWordCountJob.emitted(second).get() <= PARTITIONS * PER_PARTITION - 2 * 3 * step,
        "resumed after the third step (" + emittedBefore + " emitted before)");
    assertEquals(GatedWordCountJob.oracle(PARTITIONS, PER_PARTITION), GatedWordCountJob.latest(second));
  }

  @Test
  void unalignedCheckpointsResumeWithExactCountsAtTheSameParallelism() throws Exception {
    String run = "unaligned";
    long step = 1500;
    Path checkpoints = temp.resolve("unaligned-checkpoints");
    JobHandle job = new LocalCluster().submit(GatedWordCountJob.plan(2), options(run, 2, "--pause-after", "" + step)
        .bufferTimeout(Duration.ofMillis(50))
        .checkpointing(CheckpointConfig.every(Duration.ofMillis(5), checkpoints.toString()).withUnaligned(true)
            .withRetained(1)).build());
    Waiting.stepsWithCheckpoints(job, run, step, 2);
    job.cancel();
    assertEquals(JobStatus.CANCELED, job.await(Duration.ofSeconds(60)).status());
    Path jobDir;
    try (Stream<Path> dirs = Files.list(checkpoints)) {
      jobDir = dirs.findFirst().orElseThrow();
    }

    io.weir.runtime.checkpoint.RestorePlan plan = io.weir.runtime.checkpoint.RestorePlan.load(jobDir,
        io.weir.runtime.graph.PhysicalGraph.build(GatedWordCountJob.plan(2),
            new io.weir.runtime.graph.GraphOptions(2, java.util.Map.of(), true)), false);
    boolean inFlight = plan.metadata().vertices().stream().anyMatch(v -> v.hasChannelState());
    if (inFlight) { // only when a barrier overtook buffers: then the parallelism must not change
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new LocalCluster()
          .submit(GatedWordCountJob.plan(2), options("never", 3).restoreFrom(jobDir).build()));
      assertTrue(e.getMessage().contains("savepoint"), e.getMessage());
    }
    String second = "unaligned-restored";
    GatedWordCountJob.gate(second).set(true);
    new LocalCluster().run(GatedWordCountJob.plan(2), options(second, 2).restoreFrom(jobDir).build()).orThrow();
    assertEquals(GatedWordCountJob.oracle(PARTITIONS, PER_PARTITION), GatedWordCountJob.latest(second));
  }

  @Test
  void aSavepointAmidPeriodicCheckpointsOfAFlowingJobCompletesAndCountsStayExact() throws Exception {
    String run = "busy";
    JobHandle job = new LocalCluster().submit(GatedWordCountJob.plan(2), options(run, 2, "--pause-after", "2000")
        .checkpointing(CheckpointConfig.every(Duration.ofMillis(5), "").withMaxConcurrent(2)).build());
    GatedWordCountJob.limit(run).set(2000);
    CompletedCheckpoint savepoint = job.triggerSavepoint(temp.resolve("busy-savepoints").toString())
        .get(60, TimeUnit.SECONDS);
    assertTrue(savepoint.isSavepoint());
    GatedWordCountJob.gate(run).set(true);
    JobResult result = job.await(Duration.ofSeconds(60)).orThrow();
    assertEquals(GatedWordCountJob.oracle(PARTITIONS, PER_PARTITION), GatedWordCountJob.latest(run));
    assertTrue(result.checkpoints().completed() >= 1, result.checkpoints().describe());
  }

  @Test
  void atLeastOnceCheckpointsCompleteWhileTheJobRuns() throws Exception {
    String run = "at-least-once";
    JobHandle job = new LocalCluster().submit(GatedWordCountJob.plan(2), options(run, 2, "--pause-after", "1000")
        .checkpointing(CheckpointConfig.every(Duration.ofMillis(10), "")
            .withMode(io.weir.runtime.checkpoint.CheckpointingMode.AT_LEAST_ONCE)).build());
    Waiting.forJob(job, () -> job.checkpointStats().completed() >= 2, "two completed checkpoints");
    GatedWordCountJob.gate(run).set(true);
    job.await(Duration.ofSeconds(60)).orThrow();
    assertEquals(GatedWordCountJob.oracle(PARTITIONS, PER_PARTITION), GatedWordCountJob.latest(run),
        "without a failure nothing is counted twice");
  }

  @Test
  void aTransactionalFileSinkCommitsOnSavepointsAndHoldsEveryLineOnceAfterARescaledResume() throws Exception {
    Path output = temp.resolve("out");
    String first = "files";
    JobHandle job = new LocalCluster().submit(GatedWordCountJob.filesPlan(2), options(first, 2, "--pause-after", "2000",
        "--output", output.toString()).checkpointing(CheckpointConfig.disabled()).build());
    Waiting.forJob(job, () -> GatedWordCountJob.emitted(first).get() >= 4000, "both sources to reach their pause");
    assertEquals(List.of(), committedLines(output), "nothing is committed before a checkpoint completes");
    CompletedCheckpoint savepoint = job.triggerSavepoint(temp.resolve("sp").toString()).get(60, TimeUnit.SECONDS);
    Waiting.forJob(job, () -> committedLines(output).size() == 4000, "the savepoint's transactions to commit");
    job.cancel();
    assertEquals(JobStatus.CANCELED, job.await(Duration.ofSeconds(60)).status());

    String second = "files-resumed";
    GatedWordCountJob.gate(second).set(true);
    new LocalCluster().run(GatedWordCountJob.filesPlan(2), options(second, 3, "--output", output.toString())
        .restoreFrom(Path.of(savepoint.location())).build()).orThrow();
    List<String> expected = GatedWordCountJob.allLines(PARTITIONS, PER_PARTITION).stream()
        .map(l -> l.toUpperCase(java.util.Locale.ROOT)).sorted().toList();
    assertEquals(expected, committedLines(output).stream().sorted().toList(), "every line exactly once");
  }

  /** The lines of every committed file of {@code directory} (never in-progress ones). */
  private static List<String> committedLines(Path directory) {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    List<String> lines = new java.util.ArrayList<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.filter(f -> !f.getFileName().toString().endsWith(
          io.weir.api.files.TransactionalFileSink.IN_PROGRESS)).toList()) {
        lines.addAll(Files.readAllLines(file));
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return lines;
  }
}
