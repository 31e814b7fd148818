package io.weir.runtime.exactlyonce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.runtime.client.ClusterClient;
import io.weir.runtime.client.SubmitOptions;
import io.weir.runtime.exactlyonce.job.SequenceFilesJobPlan;
import io.weir.runtime.rpc.ExecutionStatus;
import io.weir.runtime.rpc.JobInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rescaling on a cluster of processes: the sequences job (shipped transactional file sink) runs at
 * parallelism 2, is cancelled with a savepoint, resumes from it at 4, is cancelled with another
 * savepoint and finishes at 1. The committed output must be the oracle's, which is also what an
 * uninterrupted run commits ({@link ExactlyOnceEmbeddedTest}).
 */
@Timeout(180)
class ExactlyOnceClusterRescaleTest {
  private static final int KEYS = 100;
  private static final long PER_KEY = 200;
  private static final long RATE = 800;

  @TempDir Path dir;
  private ChaosCluster cluster;
  private ClusterClient client;
  private Path jar;
  private Path output;

  @BeforeEach
  void start() throws Exception {
    Deadline deadline = Deadline.in(Duration.ofSeconds(60));
    cluster = new ChaosCluster(dir);
    cluster.startJobManager(deadline);
    cluster.startTaskManager(2, deadline);
    cluster.startTaskManager(2, deadline);
    client = cluster.client();
    jar = SequenceJobJar.build(dir.resolve("sequences.jar"));
    output = Files.createDirectories(dir.resolve("out"));
  }

  @AfterEach
  void stop() throws Exception {
    if (client != null) {
      client.close();
    }
    cluster.close();
  }

  private String submit(int parallelism, String restoreFrom) throws Exception {
    return client.submit(List.of(jar), SubmitOptions.defaults().job(SequenceFilesJobPlan.NAME).parallelism(parallelism)
        .arguments("--keys", String.valueOf(KEYS), "--per-key", String.valueOf(PER_KEY), "--rate", String.valueOf(RATE),
            "--output", output.toString())
        .restoreFrom(restoreFrom));
  }

  /** Waits until the sink's task has taken {@code records} records in this job, then cancels it with a savepoint. */
  private String cancelWithSavepointAfter(String jobId, long records, Deadline deadline) throws Exception {
    JobFollower job = new JobFollower(client, jobId);
    job.awaitStatus(ExecutionStatus.RUNNING, deadline);
    deadline.await(records + " records at the sink of " + jobId + "; " + job.history(), 50, () -> {
      JobInfo info = job.poll();
      if (info.status().isTerminal()) {
        throw new AssertionError("ended early: " + info);
      }
      return info.tasks().get(info.tasks().size() - 1).recordsIn() >= records;
    });
    String savepoint = client.savepoint(jobId, dir.resolve("savepoints").toString(), true);
    JobInfo end = job.awaitEnd(deadline);
    assertEquals(ExecutionStatus.CANCELED, end.status(), end.toString());
    return savepoint;
  }

  @Test
  void twoToFourToOneThroughSavepointsCommitsTheOracleOutput() throws Exception {
    Deadline deadline = Deadline.in(Duration.ofSeconds(150));
    String first = cancelWithSavepointAfter(submit(2, ""), 3000, deadline);
    String second = cancelWithSavepointAfter(submit(4, first), 3000, deadline);
    JobFollower last = new JobFollower(client, submit(1, second));
    JobInfo end = last.awaitEnd(deadline);
    assertEquals(ExecutionStatus.FINISHED, end.status(), end + cluster.logTails());
    assertTrue(last.history().stream().anyMatch(h -> !h.endsWith("restored=0")), "the last run restored: " + last.history());
    SequenceOracle.Report report = SequenceOracle.check(output, KEYS, PER_KEY);
    System.out.println("oracle: " + report);
    assertTrue(report.exact(), "2 -> 4 -> 1 on the cluster: " + report);
  }
}
