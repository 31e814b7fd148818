package io.weir.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.runtime.client.ClusterClient;
import io.weir.runtime.cluster.WordCountResults;
import io.weir.runtime.clusterjob.JobJarBuilder;
import io.weir.runtime.clusterjob.Text;
import io.weir.runtime.rpc.ClusterSecret;
import io.weir.runtime.rpc.ExecutionStatus;
import io.weir.runtime.rpc.JobInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoints, restarts from them and savepoints on a cluster of real processes: a JobManager,
 * TaskManagers and {@code weir} commands, each its own JVM, sharing checkpoint directories on the
 * local disk as a real cluster shares a file system. The word count's source positions, counts and
 * sink results are all state, so exact final counts prove that a restored job neither lost nor
 * repeated input.
 */
@Timeout(240)
class CheckpointProcessTest {
  /** A row of a completed checkpoint in {@code weir status}: id, type, status, acknowledged/total. */
  private static final Pattern COMPLETED_ROW = Pattern.compile("^\\s+\\d+\\s+checkpoint\\s+COMPLETED\\s+(\\d+)/(\\d+)\\s.*$");

  @TempDir Path dir;
  private ProcessCluster cluster;
  private Path jar;

  @BeforeEach
  void start() throws Exception {
    cluster = new ProcessCluster(dir);
    jar = JobJarBuilder.build(dir.resolve("wordcount.jar"));
  }

  @AfterEach
  void stop() throws Exception {
    cluster.close();
  }

  private Path output(String name) throws Exception {
    return Files.createDirectories(dir.resolve(name));
  }

  /** Polls the job's status (in this JVM, over RPC) until {@code done} holds; fails after {@code seconds}. */
  private JobInfo awaitStatus(String jobId, Predicate<JobInfo> done, int seconds) throws Exception {
    try (ClusterClient client = ClusterClient.connect("127.0.0.1", cluster.jobManagerPort(), ClusterSecret.NONE)) {
      JobInfo info = client.status(jobId);
      for (long deadline = System.nanoTime() + seconds * 1_000_000_000L; !done.test(info); info = client.status(jobId)) {
        if (System.nanoTime() > deadline || info.status().isTerminal()) {
          throw new AssertionError("job " + jobId + " did not get there: " + info);
        }
        Thread.sleep(100);
      }
      return info;
    }
  }

  @Test
  void aCheckpointedJobOnTwoTaskManagersFinishesExactlyAndStatusListsItsCheckpoints() throws Exception {
    cluster.startJobManager();
    cluster.startTaskManager(2);
    cluster.startTaskManager(2);
    cluster.awaitTaskManagers(2);
    Path output = output("out");
    ProcessCluster.Result submit = cluster.run(120, "submit", "--parallelism", "4", "--checkpoint-interval", "200ms",
        "--checkpoint-dir", dir.resolve("cp").toString(), jar.toString(),
        "--", "--lines", "30000", "--throttle", "20", "--output", output.toString());
    assertEquals(0, submit.exitCode(), submit.toString());
    WordCountResults.assertExact(Text.oracle(30000), output, 4);
    String jobId = submit.line(SubmitCommand.SUBMITTED);
    ProcessCluster.Result status = cluster.run(30, "status", jobId);
    assertEquals(0, status.exitCode(), status.toString());
    long completed = Long.parseLong(status.line("Checkpoints: ").split(" ")[0]);
    assertTrue(completed >= 1, status.toString());
    // every completed checkpoint was acknowledged by all eight subtasks (two tasks of four)
    List<String> rows = status.output().stream().filter(l -> COMPLETED_ROW.matcher(l).matches()).toList();
    assertTrue(!rows.isEmpty(), status.toString());
    for (String row : rows) {
      var m = COMPLETED_ROW.matcher(row);
      assertTrue(m.matches());
      assertEquals("8", m.group(1), row);
      assertEquals("8", m.group(2), row);
    }
    String latest = status.line("Latest:      checkpoint ");
    assertTrue(latest.contains(dir.resolve("cp").resolve(jobId).toString()), latest);
  }

  @Test
  void aTaskManagerKilledAfterACheckpointIsReplacedAndTheJobResumesFromItExactly() throws Exception {
    cluster.startJobManager();
    cluster.startTaskManager(2);
    ClusterProcess victim = cluster.startTaskManager(2);
    cluster.awaitTaskManagers(2);
    Path output = output("out");
    ClusterProcess attached = cluster.client("submit", "--parallelism", "4", "--restart", "fixed-delay:3:200",
        "--checkpoint-interval", "200ms", "--checkpoint-dir", dir.resolve("cp").toString(), jar.toString(),
        "--", "--lines", "40000", "--throttle", "10", "--output", output.toString());
    String jobId = attached.awaitLine(SubmitCommand.SUBMITTED, 60);
    JobInfo checkpointed = awaitStatus(jobId, job -> job.checkpoints().completed() >= 2, 60);
    assertEquals(ExecutionStatus.RUNNING, checkpointed.status(), checkpointed.toString());
    victim.kill(); // SIGKILL
    cluster.startTaskManager(2); // the replacement: the job needs four slots again
    assertEquals(0, attached.waitFor(150), "the restarted job finishes");
    List<String> lines = attached.output();
    String restored = lines.stream().filter(l -> l.startsWith(JobText.RESTORED)).findFirst()
        .orElseThrow(() -> new AssertionError("no restore line: " + lines));
    assertTrue(restored.contains(dir.resolve("cp").resolve(jobId).toString()), restored);
    assertTrue(lines.get(lines.size() - 1).endsWith(": FINISHED (attempt 2)"), lines.toString());
    WordCountResults.assertExact(Text.oracle(40000), output, 4);
    ProcessCluster.Result status = cluster.run(30, "status", jobId);
    assertTrue(status.line("Restored:    checkpoint ").contains(jobId), status.toString());
    assertResumedMidway(awaitStatus(jobId, job -> true, 5), 40000);
  }

  /**
   * The attempt that finished read only what followed its checkpoint: exact results with fewer
   * records than the whole input prove that the sources resumed and the state was restored (a
   * restart from scratch would count exactly too).
   */
  static void assertResumedMidway(JobInfo job, long lines) {
    long words = Text.oracle(lines).values().stream().mapToLong(Long::longValue).sum();
    JobInfo.TaskSummary counts = job.tasks().stream().filter(t -> t.name().startsWith("Count")).findFirst().orElseThrow();
    assertTrue(counts.recordsIn() > 0 && counts.recordsIn() < words,
        "the resumed attempt's Count received " + counts.recordsIn() + " of " + words + " words");
  }

  @Test
  void unalignedCheckpointsUnderBackpressureRestoreInFlightDataAcrossTaskManagersExactly() throws Exception {
    cluster.startJobManager();
    cluster.startTaskManager(2);
    cluster.startTaskManager(2);
    cluster.awaitTaskManagers(2);
    Path output = output("out");
    Path trigger = dir.resolve("fail-now");
    // a slow sink keeps buffers in flight between the TaskManagers, which unaligned barriers overtake
    ClusterProcess attached = cluster.client("submit", "--parallelism", "4", "--restart", "fixed-delay:2:200",
        "--checkpoint-interval", "200ms", "--checkpoint-dir", dir.resolve("cp").toString(), "--unaligned", jar.toString(),
        "--", "--lines", "60000", "--throttle", "20", "--sink-sleep-every", "10", "--output", output.toString(),
        "--fail-trigger", trigger.toString());
    String jobId = attached.awaitLine(SubmitCommand.SUBMITTED, 60);
    awaitStatus(jobId, job -> job.checkpoints().completed() >= 1, 60);
    Files.createFile(trigger); // one Tokenize subtask fails; the job restarts from its latest checkpoint
    assertEquals(0, attached.waitFor(150), "the restarted job finishes");
    List<String> lines = attached.output();
    assertTrue(lines.stream().anyMatch(l -> l.startsWith(JobText.RESTORED)), lines.toString());
    assertTrue(lines.get(lines.size() - 1).endsWith(": FINISHED (attempt 2)"), lines.toString());
    WordCountResults.assertExact(Text.oracle(60000), output, 4);
    assertResumedMidway(awaitStatus(jobId, job -> true, 5), 60000);
  }

  @Test
  void aSavepointThenCancelWithSavepointThenResumingAtAnotherParallelismCountsExactly() throws Exception {
    cluster.startJobManager();
    cluster.startTaskManager(2);
    cluster.startTaskManager(2);
    cluster.awaitTaskManagers(2);
    ProcessCluster.Result submit = cluster.run(60, "submit", "--detached", "--parallelism", "2", "--restart", "none",
        jar.toString(), "--", "--lines", "30000", "--throttle", "10", "--output", output("first").toString());
    assertEquals(0, submit.exitCode(), submit.toString());
    String jobId = submit.line(SubmitCommand.SUBMITTED);
    awaitStatus(jobId, job -> job.status() == ExecutionStatus.RUNNING, 60);
    // a savepoint that leaves the job running...
    ProcessCluster.Result savepoint = cluster.run(60, "savepoint", jobId, dir.resolve("sp").toString());
    assertEquals(0, savepoint.exitCode(), savepoint.toString());
    Path first = Path.of(savepoint.output().get(0));
    assertTrue(Files.isDirectory(first) && first.startsWith(dir.resolve("sp")), savepoint.toString());
    assertEquals(ExecutionStatus.RUNNING, awaitStatus(jobId, job -> true, 5).status());
    // ...and one that cancels it, into the directory of the configuration
    Path config = Files.writeString(dir.resolve("weir.properties"), "savepoint.dir = " + dir.resolve("sp2") + "\n");
    ProcessCluster.Result cancel = cluster.run(60, "cancel", "--config", config.toString(), "--savepoint", jobId);
    assertEquals(0, cancel.exitCode(), cancel.toString());
    Path second = Path.of(cancel.output().get(0));
    assertTrue(Files.isDirectory(second) && second.startsWith(dir.resolve("sp2")), cancel.toString());
    assertTrue(cancel.output().get(cancel.output().size() - 1).endsWith(": CANCELED"), cancel.toString());

    Path output = output("resumed");
    ProcessCluster.Result resumed = cluster.run(120, "submit", "--parallelism", "3", "--from-savepoint", second.toString(),
        jar.toString(), "--", "--lines", "30000", "--throttle", "40", "--output", output.toString());
    assertEquals(0, resumed.exitCode(), resumed.toString());
    assertTrue(resumed.line(JobText.RESTORED).endsWith(": " + second), resumed.toString());
    WordCountResults.assertExact(Text.oracle(30000), output, 3);
    assertResumedMidway(awaitStatus(resumed.line(SubmitCommand.SUBMITTED), job -> true, 5), 30000);
  }
}
