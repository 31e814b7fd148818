package io.weir.runtime.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.runtime.checkpoint.CheckpointConfig;
import io.weir.runtime.client.ClusterClient;
import io.weir.runtime.client.SubmitOptions;
import io.weir.runtime.clusterjob.Text;
import io.weir.runtime.jobmanager.JobManager;
import io.weir.runtime.rpc.CheckpointSummary;
import io.weir.runtime.rpc.ExecutionStatus;
import io.weir.runtime.rpc.JobInfo;
import io.weir.runtime.rpc.RestartStrategy;
import io.weir.runtime.taskmanager.TaskManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoints and savepoints through the cluster's control plane in one JVM: a JobManager, one
 * TaskManager with enough slots for the whole job, and a client over loopback RPC.
 */
@Timeout(120)
class ClusterCheckpointTest {
  @TempDir Path dir;
  private InProcessCluster cluster;
  private ClusterClient client;
  private Path jar;

  @BeforeEach
  void start() throws Exception {
    cluster = new InProcessCluster(dir, Duration.ofSeconds(5));
    client = cluster.client;
    jar = cluster.jar;
  }

  @AfterEach
  void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  private Path output(String name) throws IOException {
    return Files.createDirectories(dir.resolve(name));
  }

  private JobInfo awaitRunning(String jobId) throws Exception {
    for (int i = 0; i < 600; i++) {
      JobInfo info = client.status(jobId);
      if (info.status() == ExecutionStatus.RUNNING || info.status().isTerminal()) {
        return info;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("job " + jobId + " never ran: " + client.status(jobId));
  }

  @Test
  void periodicCheckpointsCompleteWhileTheJobCountsExactly() throws Exception {
    Path output = output("out");
    Path checkpoints = dir.resolve("cp");
    String jobId = client.submit(List.of(jar), SubmitOptions.defaults().parallelism(2)
        .checkpointing(CheckpointConfig.every(Duration.ofMillis(200), checkpoints.toString()))
        .arguments("--lines", "20000", "--throttle", "20", "--output", output.toString()));
    JobInfo end = client.follow(jobId, info -> {});
    assertEquals(ExecutionStatus.FINISHED, end.status(), end.failure());
    WordCountResults.assertExact(Text.oracle(20000), output, 2);
    assertTrue(end.checkpoints().completed() >= 1, "no checkpoint completed: " + end.checkpoints());
    CheckpointSummary last = end.checkpoints().recent().stream()
        .filter(c -> c.status() == CheckpointSummary.Status.COMPLETED).reduce((a, b) -> b).orElseThrow();
    assertEquals(last.total(), last.acknowledged());
    assertTrue(last.stateBytes() > 0, last.toString());
    assertTrue(last.location().startsWith(checkpoints.resolve(jobId).toString()), last.location());
    assertTrue(Files.isRegularFile(Path.of(last.location())), "the latest checkpoint's metadata is kept: " + last);
    // once the job ended, only the retained checkpoint's files stay (those of aborted ones are discarded)
    Path jobDirectory = checkpoints.resolve(jobId);
    String retainedPrefix = "chk-" + last.id() + "-";
    List<String> others = List.of("?");
    for (int i = 0; i < 200 && !others.isEmpty(); i++) {
      try (var files = Files.list(jobDirectory)) {
        others = files.map(f -> f.getFileName().toString()).filter(n -> !n.startsWith(retainedPrefix)).toList();
      }
      if (!others.isEmpty()) {
        Thread.sleep(50); // the JobManager deletes on its io executor
      }
    }
    assertEquals(List.of(), others, "files of checkpoints other than " + last.id());

    // a new job started from that retained checkpoint (taken mid-input) finishes the rest exactly
    Path resumedOutput = output("resumed");
    String resumed = client.submit(List.of(jar), SubmitOptions.defaults().parallelism(2).restoreFrom(last.location())
        .arguments("--lines", "20000", "--output", resumedOutput.toString()));
    JobInfo resumedEnd = client.follow(resumed, info -> {});
    assertEquals(ExecutionStatus.FINISHED, resumedEnd.status(), resumedEnd.failure());
    assertEquals(last.id(), resumedEnd.checkpoints().restoredCheckpointId());
    WordCountResults.assertExact(Text.oracle(20000), resumedOutput, 2);
  }

  @Test
  void aFailureAfterACheckpointRestartsFromItAndCountsExactly() throws Exception {
    Path output = output("out");
    Path trigger = dir.resolve("fail-now");
    String jobId = client.submit(List.of(jar), SubmitOptions.defaults().parallelism(2)
        .restart(RestartStrategy.fixedDelay(2, Duration.ofMillis(100)))
        .checkpointing(CheckpointConfig.every(Duration.ofMillis(200), dir.resolve("cp").toString()))
        .arguments("--lines", "30000", "--throttle", "10", "--output", output.toString(), "--fail-trigger", trigger.toString()));
    for (int i = 0; i < 600 && client.status(jobId).checkpoints().completed() < 2; i++) {
      Thread.sleep(50);
    }
    JobInfo before = client.status(jobId);
    assertEquals(ExecutionStatus.RUNNING, before.status(), before.toString());
    assertTrue(before.checkpoints().completed() >= 2, before.checkpoints().toString());
    Files.createFile(trigger); // a Tokenize subtask fails on it
    JobInfo end = client.follow(jobId, info -> {});
    assertEquals(ExecutionStatus.FINISHED, end.status(), end.failure());
    assertEquals(1, end.attempt(), "one restart");
    WordCountResults.assertExact(Text.oracle(30000), output, 2);
    long restored = end.checkpoints().restoredCheckpointId();
    assertTrue(restored >= 2, end.checkpoints().toString());
    assertTrue(end.checkpoints().restoredFrom().startsWith(dir.resolve("cp").resolve(jobId).toString()),
        end.checkpoints().restoredFrom());
    long words = Text.oracle(30000).values().stream().mapToLong(Long::longValue).sum();
    long counted = end.tasks().stream().filter(t -> t.name().startsWith("Count")).findFirst().orElseThrow().recordsIn();
    assertTrue(counted > 0 && counted < words, "the restarted attempt resumed midway: " + counted + " of " + words);
    // checkpoint ids keep growing across attempts: none recurs, the restarted attempt's follow the first one's
    List<CheckpointSummary> recent = end.checkpoints().recent();
    assertEquals(recent.size(), recent.stream().mapToLong(CheckpointSummary::id).distinct().count(), recent.toString());
    long firstAttemptsHighest = recent.stream().filter(c -> c.attempt() == 0).mapToLong(CheckpointSummary::id).max().orElse(0);
    assertTrue(recent.stream().filter(c -> c.attempt() == 1).allMatch(c -> c.id() > firstAttemptsHighest), recent.toString());
    assertTrue(recent.stream().anyMatch(c -> c.attempt() == 1), recent.toString());
    // the job's checkpoints count over both attempts; the latest one's metadata is kept (older ones were subsumed)
    assertTrue(end.checkpoints().completed() >= before.checkpoints().completed(), end.checkpoints().toString());
    String latest = end.checkpoints().recent().stream().filter(c -> c.status() == CheckpointSummary.Status.COMPLETED)
        .reduce((a, b) -> b).map(CheckpointSummary::location).orElseThrow();
    assertTrue(Files.isRegularFile(Path.of(latest)), latest + " in " + end.checkpoints());
  }

  @Test
  void aSavepointThenCancelResumesAtAnotherParallelismWithExactCounts() throws Exception {
    Path firstOutput = output("first");
    String first = client.submit(List.of(jar), SubmitOptions.defaults().parallelism(2).restart(RestartStrategy.NONE)
        .arguments("--lines", "30000", "--throttle", "10", "--output", firstOutput.toString()));
    assertEquals(ExecutionStatus.RUNNING, awaitRunning(first).status());
    Thread.sleep(1000); // well into the input
    String savepoint = client.savepoint(first, dir.resolve("savepoints").toString(), true);
    assertTrue(Files.isDirectory(Path.of(savepoint)), savepoint);
    assertTrue(Path.of(savepoint).getFileName().toString().startsWith("savepoint-cluster-wordcount-"), savepoint);
    JobInfo cancelled = client.follow(first, info -> {});
    assertEquals(ExecutionStatus.CANCELED, cancelled.status(), cancelled.failure());
    assertEquals(1, cancelled.checkpoints().completed(), cancelled.checkpoints().toString());

    // resumed at parallelism 3; it fails once before any checkpoint, so its restart resumes the savepoint again
    Path output = output("resumed");
    Path trigger = dir.resolve("fail-now");
    String resumed = client.submit(List.of(jar), SubmitOptions.defaults().parallelism(3).restoreFrom(savepoint)
        .restart(RestartStrategy.fixedDelay(1, Duration.ofMillis(100)))
        .arguments("--lines", "30000", "--throttle", "50", "--output", output.toString(), "--fail-trigger", trigger.toString()));
    assertEquals(ExecutionStatus.RUNNING, awaitRunning(resumed).status());
    List<JobInfo> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.concurrent.CompletableFuture<JobInfo> following = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
      try {
        return client.follow(resumed, seen::add);
      } catch (Exception e) {
        throw new java.util.concurrent.CompletionException(e);
      }
    });
    while (seen.isEmpty()) {
      Thread.sleep(10); // following before the failure: every status change after it is pushed
    }
    Files.createFile(trigger);
    JobInfo end = following.get(90, TimeUnit.SECONDS);
    assertEquals(ExecutionStatus.FINISHED, end.status(), end.failure());
    assertEquals(1, end.attempt());
    assertEquals(savepoint, end.checkpoints().restoredFrom());
    List<JobInfo> scheduledAgain = seen.stream()
        .filter(info -> info.attempt() == 1 && info.status() == ExecutionStatus.SCHEDULED).toList();
    assertTrue(!scheduledAgain.isEmpty(), seen.toString());
    // what the restart restores is not known before it deploys; then it is the savepoint again
    scheduledAgain.forEach(info -> assertEquals(0, info.checkpoints().restoredCheckpointId(), info.toString()));
    assertTrue(end.checkpoints().restoredCheckpointId() >= 1, end.checkpoints().toString());
    WordCountResults.assertExact(Text.oracle(30000), output, 3);
    // fewer words than the input has: the sources resumed where the savepoint left them
    long words = Text.oracle(30000).values().stream().mapToLong(Long::longValue).sum();
    long counted = end.tasks().stream().filter(t -> t.name().startsWith("Count")).findFirst().orElseThrow().recordsIn();
    assertTrue(counted > 0 && counted < words, counted + " of " + words);
  }

  @Test
  void savepointsOfJobsThatAreNotRunningAndRestoresThatDoNotExistAreRefused() throws Exception {
    IOException unknown = assertThrows(IOException.class, () -> client.savepoint("no-such-job", dir.toString(), false));
    assertTrue(unknown.getMessage().contains("no job no-such-job"), unknown.getMessage());
    String finished = client.submit(List.of(jar), SubmitOptions.defaults().arguments("--lines", "10"));
    assertEquals(ExecutionStatus.FINISHED, client.follow(finished, info -> {}).status());
    IOException notRunning = assertThrows(IOException.class, () -> client.savepoint(finished, dir.toString(), false));
    assertTrue(notRunning.getMessage().contains("FINISHED"), notRunning.getMessage());
    IOException missing = assertThrows(IOException.class, () -> client.submit(List.of(jar),
        SubmitOptions.defaults().restoreFrom(dir.resolve("nothing-here").toString())));
    assertTrue(missing.getMessage().contains("nothing-here"), missing.getMessage());
  }
}
