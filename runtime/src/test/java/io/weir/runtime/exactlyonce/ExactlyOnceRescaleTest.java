package io.weir.runtime.exactlyonce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.runtime.checkpoint.CheckpointConfig;
import io.weir.runtime.checkpoint.CompletedCheckpoint;
import io.weir.runtime.exactlyonce.job.SequenceJobPlan;
import io.weir.runtime.local.JobHandle;
import io.weir.runtime.local.JobResult;
import io.weir.runtime.local.JobStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rescaling through savepoints gives the result of an uninterrupted run: the sequences job runs at
 * parallelism 2, stops with a savepoint, resumes from it at 4, stops with another savepoint and
 * finishes at 1. Its keyed state (count, checker) and operator state (source positions, the sink's
 * pending transactions) are redistributed each time; the committed lines must equal those of a run
 * at parallelism 2 that was never stopped, and the oracle's.
 */
@Timeout(150)
class ExactlyOnceRescaleTest {
  private static final int KEYS = 60;
  private static final long PER_KEY = 300;
  /** Per source instance: slow enough that each phase stops long before the end. */
  private static final long RATE = 1000;

  @TempDir Path dir;

  @Test
  void twoToFourToOneFromSavepointsEqualsAnUninterruptedRun() throws Exception {
    Path uninterrupted = Files.createDirectories(dir.resolve("uninterrupted"));
    JobResult plain = new EmbeddedRuns(KEYS, PER_KEY, uninterrupted).parallelism(2).run();
    assertEquals(JobStatus.FINISHED, plain.status(), () -> Failures.trace(plain.failure()));
    Map<String, Integer> expected = SequenceOracle.committedLines(uninterrupted);
    SequenceOracle.Report baseline = SequenceOracle.compare(KEYS, PER_KEY, expected);
    assertTrue(baseline.exact(), "uninterrupted run: " + baseline);

    Path output = Files.createDirectories(dir.resolve("rescaled"));
    Path savepoints = dir.resolve("savepoints");
    CheckpointConfig savepointsOnly = CheckpointConfig.disabled();
    Path first = runUntilSavepoint(new EmbeddedRuns(KEYS, PER_KEY, output).parallelism(2).rate(RATE)
        .checkpoints(savepointsOnly), 3000, savepoints);
    Path second = runUntilSavepoint(new EmbeddedRuns(KEYS, PER_KEY, output).parallelism(4).rate(RATE)
        .checkpoints(savepointsOnly).restoreFrom(first), 3000, savepoints);
    JobResult last = new EmbeddedRuns(KEYS, PER_KEY, output).parallelism(1).restoreFrom(second).run();
    assertEquals(JobStatus.FINISHED, last.status(), () -> Failures.trace(last.failure()));

    Map<String, Integer> actual = SequenceOracle.committedLines(output);
    SequenceOracle.Report report = SequenceOracle.compare(KEYS, PER_KEY, actual);
    assertTrue(report.exact(), "2 -> 4 -> 1: " + report);
    assertEquals(expected, actual, "the rescaled runs commit the same lines as the uninterrupted one");
  }

  /**
   * Submits, waits until the sink has received {@code records} more records in this run, takes a
   * savepoint, cancels; the savepoint's directory.
   */
  private static Path runUntilSavepoint(EmbeddedRuns runs, long records, Path savepoints) throws Exception {
    JobHandle handle = runs.submit();
    try {
      Deadline deadline = Deadline.in(Duration.ofSeconds(60));
      deadline.await(records + " records at the sink", 20, () -> {
        if (handle.status() != JobStatus.RUNNING) {
          throw new AssertionError("job ended early: " + handle.result().join());
        }
        return handle.metrics().stream().filter(v -> v.name().equals("Committed")).mapToLong(v -> v.recordsIn()).sum()
            >= records;
      });
      CompletedCheckpoint savepoint = handle.triggerSavepoint(savepoints.toString()).get(60, TimeUnit.SECONDS);
      assertTrue(savepoint.isSavepoint(), savepoint.toString());
      return Path.of(savepoint.location());
    } finally {
      handle.cancel();
      JobResult result = handle.await(Duration.ofSeconds(60));
      assertTrue(result.status() == JobStatus.CANCELED, "cancelled after the savepoint: " + result.status()
          + " " + Failures.describe(result.failure()));
    }
  }
}
