package io.weir.runtime.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.runtime.checkpoint.CheckpointStats;
import io.weir.runtime.checkpoint.CheckpointSummary;
import io.weir.runtime.checkpoint.CheckpointSummary.Status;
import io.weir.runtime.checkpoint.CheckpointType;
import io.weir.runtime.local.JobResult;
import io.weir.runtime.local.JobStatus;
import io.weir.runtime.plan.VertexKind;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Checkpoints in progress lines and in the end-of-job summary. */
class CheckpointProgressTest {
  private static final List<VertexProgress> VERTICES =
      List.of(new VertexProgress("Lines", VertexKind.SOURCE, 1, 0, 1000, 0, 100));
  private static final CheckpointStats STATS = new CheckpointStats(12, 1, 0, List.of(
      new CheckpointSummary(12, CheckpointType.CHECKPOINT, Status.COMPLETED, 1000, 48, 3, 40, 5, 20_480, 4_096, 0, 4, 4, ""),
      new CheckpointSummary(13, CheckpointType.CHECKPOINT, Status.FAILED, 2000, 900, 0, 0, 0, 0, 0, 0, 1, 4,
          "subtask Count (2/2) declined: disk full")));

  @Test
  void aProgressLineEndsWithTheCheckpoints() {
    assertEquals("[wc 0:05] Lines out 1.00k 100/s | chk 12 (1 failed) last 48 ms 20.5kB",
        ProgressPrinter.line(new ProgressSnapshot("wc", Duration.ofSeconds(5), VERTICES, STATS)));
    assertFalse(ProgressPrinter.line(new ProgressSnapshot("wc", Duration.ofSeconds(5), VERTICES)).contains("chk"),
        "a job without checkpoints shows none");
  }

  @Test
  void theSummaryNamesTheLastCheckpointAndTheLastFailure() {
    JobResult result = new JobResult("wc", JobStatus.FINISHED, Duration.ofSeconds(1), List.of(), List.of(), null, STATS);
    String summary = ProgressPrinter.summary(result);
    assertTrue(summary.contains("Checkpoints: 12 completed, 1 failed"), summary);
    assertTrue(summary.contains("last: checkpoint 12 completed in 48 ms, 20480 bytes of state (4096 written, 0 in flight)"),
        summary);
    assertTrue(summary.contains("last failure: checkpoint 13 failed after 900 ms: subtask Count (2/2) declined: disk full"),
        summary);
    assertFalse(ProgressPrinter.summary(new JobResult("wc", JobStatus.FINISHED, Duration.ofSeconds(1), List.of(),
        List.of(), null)).contains("Checkpoints"));
  }
}
