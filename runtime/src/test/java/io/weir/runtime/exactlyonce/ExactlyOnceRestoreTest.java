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
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly-once through failures in the embedded runtime: the sequences job checkpoints every
 * 100 ms; its sink fails on purpose right after a checkpoint completed (its third commit in a run),
 * twice; each time a new run restores from the failed run's retained checkpoint, and the last one
 * finishes the job. The committed output must equal the oracle's, also with unaligned checkpoints
 * whose in-flight data is replayed. The same in at-least-once mode must commit duplicates the
 * oracle and the checker see: source instance 1 stalls now and then, so its barriers lag while
 * instance 0's records (shipped at once: no buffer timeout) are counted into the checkpoint.
 */
@Timeout(120)
class ExactlyOnceRestoreTest {
  private static final int KEYS = 50;
  private static final long PER_KEY = 400;
  private static final int FAILURES = 2;

  @TempDir Path dir;
  private final List<JobResult> failedRuns = new ArrayList<>();

  private SequenceOracle.Report failThenRestore(CheckpointingMode mode) throws Exception {
    return failThenRestore(mode.toString(), c -> c.withMode(mode), r -> {});
  }

  /** Runs until each forced failure, restoring every next run from the last one's checkpoint; the last run ends the job. */
  private SequenceOracle.Report failThenRestore(String what, UnaryOperator<CheckpointConfig> config,
      Consumer<EmbeddedRuns> more) throws Exception {
    Path output = Files.createDirectories(dir.resolve("out"));
    EmbeddedRuns runs = new EmbeddedRuns(KEYS, PER_KEY, output).rate(2000)
        .args("--fail-after-commits", "3", "--failures", String.valueOf(FAILURES),
            "--stall-subtask", "1", "--stall-every", "20", "--stall-ms", "150")
        .tune(b -> b.bufferTimeout(Duration.ZERO));
    more.accept(runs);
    Path restoreFrom = null;
    for (int failure = 1; failure <= FAILURES + 1; failure++) {
      Path checkpoints = dir.resolve("checkpoints-" + failure);
      JobResult result = runs.restoreFrom(restoreFrom)
          .checkpoints(config.apply(CheckpointConfig.every(Duration.ofMillis(100), checkpoints.toString()))).run();
      if (failure > FAILURES) { // the marker files keep the sink from failing again
        assertEquals(JobStatus.FINISHED, result.status(), () -> Failures.trace(result.failure()));
        break;
      }
      assertEquals(JobStatus.FAILED, result.status(), "the sink fails on purpose: " + result);
      String expected = "forced failure " + failure;
      assertTrue(Failures.describe(result.failure()).contains(expected), () -> Failures.trace(result.failure()));
      failedRuns.add(result);
      CheckpointDirectory job = CheckpointDirectory.onlyJobIn(checkpoints);
      job.latestCompleted();
      restoreFrom = job.path();
    }
    SequenceOracle.Report report = SequenceOracle.check(output, KEYS, PER_KEY);
    System.out.println(what + " oracle: " + report);
    return report;
  }

  @Test
  void exactlyOnceFailuresAfterCheckpointsAndTheRestoresCommitEveryRecordOnce() throws Exception {
    SequenceOracle.Report report = failThenRestore(CheckpointingMode.EXACTLY_ONCE);
    assertTrue(report.exact(), report.toString());
  }

  @Test
  void unalignedCheckpointsUnderBackpressureRestoreTheirInFlightDataExactlyOnce() throws Exception {
    // a slow sink keeps buffers in flight, so the restored checkpoints hold channel state to replay
    SequenceOracle.Report report = failThenRestore("UNALIGNED", c -> c.withUnaligned(true),
        runs -> runs.args("--sink-sleep-ms", "1").tune(b -> b.bufferSize(1024).buffers(2, 2)));
    assertTrue(failedRuns.stream().flatMap(r -> r.checkpoints().recent().stream())
            .anyMatch(s -> s.status() == CheckpointSummary.Status.COMPLETED && s.inFlightBytes() > 0),
        "a completed checkpoint stored in-flight data: " + failedRuns.stream().map(r -> r.checkpoints().recent()).toList());
    assertTrue(report.exact(), report.toString());
  }

  @Test
  void atLeastOnceTheSameFailuresCommitDuplicatesThatTheOracleAndTheCheckerSee() throws Exception {
    SequenceOracle.Report report = failThenRestore(CheckpointingMode.AT_LEAST_ONCE);
    assertTrue(report.duplicated() > 0, "records counted before a failed run's last checkpoint were replayed: " + report);
    assertTrue(report.violations() > 0, report.toString());
    assertEquals(0, report.lost(), report.toString());
  }
}
