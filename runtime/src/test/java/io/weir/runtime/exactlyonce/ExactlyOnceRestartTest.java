package io.weir.runtime.exactlyonce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.runtime.checkpoint.CheckpointConfig;
import io.weir.runtime.local.JobHandle;
import io.weir.runtime.local.JobResult;
import io.weir.runtime.local.JobStatus;
import io.weir.runtime.metrics.ProgressListener;
import io.weir.runtime.metrics.ProgressSnapshot;
import io.weir.runtime.rpc.RestartStrategy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Automatic restarts in the embedded runtime: the sequences job's sink fails on purpose right
 * after a checkpoint completed, twice, and the job (one {@link JobHandle}) restarts by itself from
 * the latest completed checkpoint in its one checkpoint directory, then finishes with exactly-once
 * output. A strategy that allows fewer restarts than failures fails the job with the last failure.
 */
@Timeout(120)
class ExactlyOnceRestartTest {
  private static final int KEYS = 50;
  private static final long PER_KEY = 400;

  @TempDir Path dir;

  private EmbeddedRuns runs(int failures, RestartStrategy strategy, ProgressListener listener) throws Exception {
    Path output = Files.createDirectories(dir.resolve("out"));
    return new EmbeddedRuns(KEYS, PER_KEY, output).rate(2000)
        .args("--fail-after-commits", "3", "--failures", String.valueOf(failures))
        .checkpoints(CheckpointConfig.every(Duration.ofMillis(100), dir.resolve("checkpoints").toString()))
        .tune(b -> {
          b.restartStrategy(strategy);
          if (listener != null) {
            b.progressListener(listener).progressInterval(Duration.ofMillis(50));
          }
        });
  }

  @Test
  void theJobRestartsFromItsLatestCheckpointByItselfAndCommitsEveryRecordOnce() throws Exception {
    List<JobResult> ends = new CopyOnWriteArrayList<>();
    ProgressListener listener = new ProgressListener() {
      @Override
      public void onProgress(ProgressSnapshot snapshot) {}

      @Override
      public void onJobFinished(JobResult result) {
        ends.add(result);
      }
    };
    JobHandle job = runs(2, RestartStrategy.fixedDelay(3, Duration.ofMillis(50)), listener).submit();
    JobResult result = job.await(Duration.ofSeconds(100));
    assertEquals(JobStatus.FINISHED, result.status(), () -> Failures.trace(result.failure()));
    assertEquals(List.of(result), ends, "the listener hears of the job's end once, not of each attempt's");
    try (Stream<Path> jobs = Files.list(dir.resolve("checkpoints"))) {
      assertEquals(1, jobs.count(), "every attempt checkpoints into the job's one directory");
    }
    assertTrue(job.checkpointDirectory().isPresent());
    SequenceOracle.Report report = SequenceOracle.check(dir.resolve("out"), KEYS, PER_KEY);
    System.out.println("restarted embedded job oracle: " + report);
    assertTrue(report.exact(), report.toString());
  }

  @Test
  void moreFailuresThanTheStrategyAllowsFailTheJobWithTheLastFailure() throws Exception {
    JobResult result = runs(3, RestartStrategy.fixedDelay(1, Duration.ofMillis(10)), null).run();
    assertEquals(JobStatus.FAILED, result.status(), result.toString());
    assertTrue(Failures.describe(result.failure()).contains("forced failure 2"), () -> Failures.trace(result.failure()));
  }

  @Test
  void cancelDuringTheRestartDelayEndsTheJobAtOnce() throws Exception {
    JobHandle job = runs(1, RestartStrategy.fixedDelay(1, Duration.ofMinutes(10)), null).submit();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!Files.exists(dir.resolve("out")) || !failedOnce() ) {
      assertTrue(System.nanoTime() < deadline, "the sink never failed");
      Thread.sleep(10);
    }
    Thread.sleep(200); // the failed attempt tears down (or still does); the restart waits its ten minutes
    assertEquals(JobStatus.RUNNING, job.status(), "failing or waiting to restart is still running");
    job.cancel(); // either way the job ends now, cancelled, without restarting
    assertEquals(JobStatus.CANCELED, job.await(Duration.ofSeconds(10)).status());
  }

  private boolean failedOnce() throws Exception {
    try (Stream<Path> files = Files.walk(dir.resolve("out"))) {
      return files.anyMatch(p -> p.getFileName().toString().contains("fail"));
    }
  }
}
