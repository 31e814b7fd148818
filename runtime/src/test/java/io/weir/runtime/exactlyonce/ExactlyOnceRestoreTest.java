package io.weir.runtime.exactlyonce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.runtime.checkpoint.CheckpointConfig;
import io.weir.runtime.checkpoint.CheckpointSummary;
import io.weir.runtime.checkpoint.CheckpointingMode;
import io.weir.runtime.local.JobResult;
import io.weir.runtime.local.JobStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly-once through a failure in the embedded runtime: the sequences job checkpoints every
 * 100 ms; its sink fails on purpose right after a checkpoint completed (its third commit); a new
 * run restored from the retained checkpoint finishes the job. The committed output must equal the
 * oracle's, also with unaligned checkpoints whose in-flight data is replayed. The same in
 * at-least-once mode must commit duplicates the oracle and the checker see.
 */
@Timeout(120)
class ExactlyOnceRestoreTest {
  private static final int KEYS = 50;
  private static final long PER_KEY = 400;

  @TempDir Path dir;
  private JobResult lastFailedRun;

  private SequenceOracle.Report failThenRestore(CheckpointingMode mode) throws Exception {
    return failThenRestore(mode.toString(), c -> c.withMode(mode), r -> {});
  }

  /** Runs until the sink's forced failure, restores from the latest retained checkpoint, runs to the end. */
  private SequenceOracle.Report failThenRestore(String what, UnaryOperator<CheckpointConfig> config,
      Consumer<EmbeddedRuns> more) throws Exception {
    Path output = Files.createDirectories(dir.resolve("out"));
    Path checkpoints = dir.resolve("checkpoints");
    EmbeddedRuns runs = new EmbeddedRuns(KEYS, PER_KEY, output).rate(2000)
        .checkpoints(config.apply(CheckpointConfig.every(Duration.ofMillis(100), checkpoints.toString())))
        .args("--fail-after-commits", "3", "--stall-subtask", "1", "--stall-every", "20", "--stall-ms", "150");
    more.accept(runs);
    JobResult failed = runs.run();
    lastFailedRun = failed;
    assertEquals(JobStatus.FAILED, failed.status(), "the sink fails on purpose: " + failed);
    assertTrue(Failures.describe(failed.failure()).contains("forced failure 1"), () -> Failures.trace(failed.failure()));
    CheckpointDirectory job = CheckpointDirectory.onlyJobIn(checkpoints);
    job.latestCompleted();
    JobResult resumed = runs.restoreFrom(job.path()).run(); // the marker file keeps the sink from failing again
    assertEquals(JobStatus.FINISHED, resumed.status(), () -> Failures.trace(resumed.failure()));
    SequenceOracle.Report report = SequenceOracle.check(output, KEYS, PER_KEY);
    System.out.println(what + " oracle: " + report);
    return report;
  }

  @Test
  void exactlyOnceAFailureAfterACheckpointAndTheRestoreCommitEveryRecordOnce() throws Exception {
    SequenceOracle.Report report = failThenRestore(CheckpointingMode.EXACTLY_ONCE);
    assertTrue(report.exact(), report.toString());
  }

  @Test
  void unalignedCheckpointsUnderBackpressureRestoreTheirInFlightDataExactlyOnce() throws Exception {
    // a slow sink keeps buffers in flight, so the restored checkpoint holds channel state to replay
    SequenceOracle.Report report = failThenRestore("UNALIGNED", c -> c.withUnaligned(true),
        runs -> runs.args("--sink-sleep-ms", "1").tune(b -> b.bufferSize(1024).buffers(2, 2)));
    assertTrue(lastFailedRun.checkpoints().recent().stream()
            .anyMatch(s -> s.status() == CheckpointSummary.Status.COMPLETED && s.inFlightBytes() > 0),
        "a completed checkpoint stored in-flight data: " + lastFailedRun.checkpoints().recent());
    assertTrue(report.exact(), report.toString());
  }

  @Test
  void atLeastOnceTheSameFailureCommitsDuplicatesThatTheOracleAndTheCheckerSee() throws Exception {
    SequenceOracle.Report report = failThenRestore(CheckpointingMode.AT_LEAST_ONCE);
    assertTrue(report.duplicated() > 0, "records counted before the failed run's last checkpoint were replayed: " + report);
    assertTrue(report.violations() > 0, report.toString());
    assertEquals(0, report.lost(), report.toString());
  }
}
