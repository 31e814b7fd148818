package io.weir.runtime.exactlyonce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.runtime.checkpoint.CheckpointConfig;
import io.weir.runtime.exactlyonce.job.SequenceJobPlan;
import io.weir.runtime.local.JobResult;
import io.weir.runtime.local.JobStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A damaged checkpoint never restores into silently wrong results: a flipped byte or a cut in a
 * keyed-state file, an operator-state file or the metadata each fail the restore with an error
 * naming the damaged file. The undamaged copy of the same checkpoint restores and
 * finishes exactly (so the damage, nothing else, is what fails).
 */
@Timeout(120)
class ExactlyOnceCorruptionTest {
  private static final int KEYS = 50;
  private static final long PER_KEY = 300;

  @TempDir Path dir;
  private CheckpointDirectory original;
  private long checkpoint;

  @BeforeEach
  void failAfterACheckpoint() throws Exception {
    Path checkpoints = dir.resolve("checkpoints");
    JobResult failed = runs(null)
        .checkpoints(CheckpointConfig.every(Duration.ofMillis(100), checkpoints.toString()))
        .args("--fail-after-commits", "3").run();
    assertEquals(JobStatus.FAILED, failed.status(), "the sink fails on purpose after its third commit");
    original = CheckpointDirectory.onlyJobIn(checkpoints);
    checkpoint = original.latestCompleted();
  }

  /** Runs writing to the one output directory of the test, where the checkpoint's pending transactions are. */
  private EmbeddedRuns runs(Path restoreFrom) throws IOException {
    return new EmbeddedRuns(KEYS, PER_KEY, Files.createDirectories(dir.resolve("out"))).rate(2000).restoreFrom(restoreFrom);
  }

  /** Restores a copy damaged by {@code damage}; the failure text, which must name {@code file}. */
  private String restoreFails(String name, Damage damage) throws Exception {
    CheckpointDirectory copy = original.copyTo(dir.resolve("copy-" + name));
    Path damaged = damage.apply(copy);
    String text;
    try {
      JobResult result = runs(copy.path()).run();
      assertNotEquals(JobStatus.FINISHED, result.status(), "restoring from damaged " + damaged.getFileName()
          + " must not finish; committed: " + SequenceOracle.check(dir.resolve("out"), KEYS, PER_KEY));
      text = Failures.describe(result.failure());
    } catch (RuntimeException refused) { // refusing to start is as good as failing
      text = Failures.describe(refused);
    }
    assertTrue(text.contains(damaged.getFileName().toString().replace(".manifest", "")),
        "the error names " + damaged.getFileName() + ": " + text);
    System.out.println("restoring from damaged " + damaged.getFileName() + " failed: " + text);
    return text;
  }

  interface Damage {
    Path apply(CheckpointDirectory copy) throws IOException;
  }

  @Test
  void theUndamagedCheckpointRestoresAndFinishesExactly() throws Exception {
    CheckpointDirectory copy = original.copyTo(dir.resolve("copy-intact"));
    JobResult result = runs(copy.path()).run();
    assertEquals(JobStatus.FINISHED, result.status(), () -> Failures.trace(result.failure()));
    SequenceOracle.Report report = SequenceOracle.check(dir.resolve("out"), KEYS, PER_KEY);
    assertTrue(report.exact(), report.toString());
  }

  @Test
  void aFlippedByteInKeyedStateIsReportedWithTheFile() throws Exception {
    restoreFails("keyed", copy -> {
      Path file = copy.keyedData(checkpoint, SequenceJobPlan.CHECK, 0);
      CheckpointDirectory.flipMiddleByte(file);
      return file;
    });
  }

  @Test
  void aTruncatedOperatorStateFileIsReportedWithTheFile() throws Exception {
    restoreFails("operator", copy -> {
      Path file = copy.operatorData(checkpoint, SequenceJobPlan.SOURCE, 1);
      CheckpointDirectory.truncateToHalf(file);
      return file;
    });
  }

  @Test
  void aTruncatedKeyedStateFileIsReportedWithTheFile() throws Exception {
    restoreFails("keyed-cut", copy -> {
      Path file = copy.keyedData(checkpoint, SequenceJobPlan.COUNT, 1);
      CheckpointDirectory.truncateToHalf(file);
      return file;
    });
  }

  @Test
  void aFlippedByteInOperatorStateIsReportedWithTheFile() throws Exception {
    restoreFails("operator-flip", copy -> {
      Path file = copy.operatorData(checkpoint, SequenceJobPlan.SOURCE, 0);
      CheckpointDirectory.flipMiddleByte(file);
      return file;
    });
  }

  @Test
  void aFlippedByteInTheMetadataIsReportedWithTheFile() throws Exception {
    restoreFails("metadata-flip", copy -> {
      Path file = copy.metadata(checkpoint);
      CheckpointDirectory.flipMiddleByte(file);
      return file;
    });
  }

  @Test
  void truncatedMetadataIsReportedWithTheFile() throws Exception {
    restoreFails("metadata-cut", copy -> {
      Path file = copy.metadata(checkpoint);
      CheckpointDirectory.truncateToHalf(file);
      return file;
    });
  }
}
