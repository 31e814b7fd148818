package io.weir.runtime.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.runtime.client.ClusterClient;
import io.weir.runtime.client.SubmitOptions;
import io.weir.runtime.clusterjob.ClusterWordCountPlan;
import io.weir.runtime.clusterjob.Text;
import io.weir.runtime.jobmanager.JobManager;
import io.weir.runtime.rpc.ExecutionStatus;
import io.weir.runtime.rpc.JobInfo;
import io.weir.runtime.rpc.RestartStrategy;
import io.weir.runtime.taskmanager.TaskManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The control plane end to end in one JVM: a JobManager, a TaskManager with enough slots for the
 * whole job (all channels local) and a client, talking over loopback RPC.
 */
@Timeout(60)
class InProcessClusterTest {
  @TempDir Path dir;
  private InProcessCluster cluster;
  private ClusterClient client;
  private Path jar;

  @BeforeEach
  void start() throws Exception {
    cluster = new InProcessCluster(dir, Duration.ofSeconds(2));
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

  @Test
  void wordCountAtParallelismFourFinishesWithExactCounts() throws Exception {
    Path output = output("out");
    String jobId = client.submit(List.of(jar), SubmitOptions.defaults().parallelism(4)
        .arguments("--lines", "20000", "--output", output.toString()));
    List<ExecutionStatus> seen = new CopyOnWriteArrayList<>();
    JobInfo end = client.follow(jobId, info -> seen.add(info.status()));
    assertEquals(ExecutionStatus.FINISHED, end.status(), end.failure());
    assertEquals(ExecutionStatus.FINISHED, seen.get(seen.size() - 1));
    assertTrue(seen.contains(ExecutionStatus.RUNNING) || seen.get(0) == ExecutionStatus.FINISHED, "statuses: " + seen);
    WordCountResults.assertExact(Text.oracle(20000), output, 4);
    assertEquals(ClusterWordCountPlan.NAME, client.status(jobId).jobName());
    assertEquals(ExecutionStatus.FINISHED, client.list().get(0).status());
  }

  @Test
  void theSubmissionChoosesTheStateBackend() throws Exception {
    Path output = output("rocks");
    String jobId = client.submit(List.of(jar), SubmitOptions.defaults().parallelism(2).stateBackend("rocksdb")
        .arguments("--lines", "3000", "--output", output.toString()));
    JobInfo end = client.follow(jobId, info -> {});
    assertEquals(ExecutionStatus.FINISHED, end.status(), end.failure());
    WordCountResults.assertExact(Text.oracle(3000), output, 2);
  }

  @Test
  void cancelStopsAnEndlessJobAndFreesItsSlots() throws Exception {
    String jobId = client.submit(List.of(jar), SubmitOptions.defaults().parallelism(4)
        .arguments("--lines", "-1", "--throttle", "10"));
    for (int i = 0; i < 200 && client.status(jobId).status() != ExecutionStatus.RUNNING; i++) {
      Thread.sleep(50);
    }
    assertEquals(ExecutionStatus.RUNNING, client.status(jobId).status());
    // running subtasks report their figures every second: the sink's records in grow while it runs
    long sinkIn = 0;
    for (int i = 0; i < 100 && sinkIn == 0; i++) {
      Thread.sleep(100);
      sinkIn = client.status(jobId).tasks().stream().filter(t -> t.name().startsWith("Count")).mapToLong(JobInfo.TaskSummary::recordsIn).sum();
    }
    assertTrue(sinkIn > 0, "no live figures: " + client.status(jobId));
    client.cancel(jobId);
    JobInfo end = client.follow(jobId, info -> {});
    assertEquals(ExecutionStatus.CANCELED, end.status());
    // the slots are free again: a second job runs
    Path output = output("after-cancel");
    String second = client.submit(List.of(jar), SubmitOptions.defaults().parallelism(4)
        .arguments("--lines", "1000", "--output", output.toString()));
    assertEquals(ExecutionStatus.FINISHED, client.follow(second, info -> {}).status());
    WordCountResults.assertExact(Text.oracle(1000), output, 4);
  }

  @Test
  void aJobNeedingMoreSlotsThanExistFailsWithTheReason() throws Exception {
    String jobId = client.submit(List.of(jar), SubmitOptions.defaults().parallelism(6).restart(RestartStrategy.NONE)
        .arguments("--lines", "10"));
    JobInfo end = client.follow(jobId, info -> {});
    assertEquals(ExecutionStatus.FAILED, end.status());
    assertTrue(end.failure().contains("needs 6") && end.failure().contains("of 4 slots"), end.failure());
  }

  @Test
  void aJobFailingInEveryAttemptFailsOnceTheRestartStrategyGivesUp() throws Exception {
    String jobId = client.submit(List.of(jar), SubmitOptions.defaults().parallelism(2)
        .restart(RestartStrategy.fixedDelay(2, Duration.ofMillis(100)))
        .arguments("--lines", "1000", "--fail-on", Text.line(500).split(" ")[0]));
    List<JobInfo> seen = new CopyOnWriteArrayList<>();
    JobInfo end = client.follow(jobId, seen::add);
    assertEquals(ExecutionStatus.FAILED, end.status());
    assertEquals(2, end.attempt(), "two restarts, then it gave up");
    assertTrue(end.failure().contains("met the word"), end.failure());
    assertTrue(end.failure().contains("Tokenize"), "names the failed subtask: " + end.failure());
    assertEquals(2, seen.stream().filter(i -> i.status() == ExecutionStatus.RESTARTING).count(), seen.toString());
  }

  @Test
  void badSubmissionsAreRejectedWithAMessage() throws Exception {
    IOException unknownJob = assertThrows(IOException.class,
        () -> client.submit(List.of(jar), SubmitOptions.defaults().job("nope")));
    assertTrue(unknownJob.getMessage().contains("no job named 'nope'"), unknownJob.getMessage());
    IOException unknownVertex = assertThrows(IOException.class,
        () -> client.submit(List.of(jar), SubmitOptions.defaults().parallelism("Nope", 2)));
    assertTrue(unknownVertex.getMessage().contains("no vertex named 'Nope'"), unknownVertex.getMessage());
    IOException unknownId = assertThrows(IOException.class, () -> client.status("0123"));
    assertTrue(unknownId.getMessage().contains("no job 0123"), unknownId.getMessage());
  }
}
