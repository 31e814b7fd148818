package io.weir.runtime.exactlyonce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.runtime.checkpoint.CheckpointConfig;
import io.weir.runtime.checkpoint.CheckpointStats;
import io.weir.runtime.checkpoint.CheckpointSummary;
import io.weir.runtime.local.JobHandle;
import io.weir.runtime.local.JobStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Under heavy backpressure (a sink sleeping 5 ms per record behind many full buffers), aligned
 * barriers queue behind seconds of in-flight records and every checkpoint times out (1 s), while
 * unaligned barriers overtake the buffers, store them with the checkpoint and complete.
 */
@Timeout(120)
class ExactlyOnceUnalignedTest {
  private static final int KEYS = 50;
  private static final long PER_KEY = 1_000_000; // never ends: the test cancels it
  private static final Duration TIMEOUT = Duration.ofSeconds(1);

  @TempDir Path dir;

  private CheckpointStats runUnderBackpressure(boolean unaligned, String name, int enough) throws Exception {
    CheckpointConfig config = CheckpointConfig.every(Duration.ofMillis(300), dir.resolve("chk-" + name).toString())
        .withTimeout(TIMEOUT).withUnaligned(unaligned);
    JobHandle handle = new EmbeddedRuns(KEYS, PER_KEY, Files.createDirectories(dir.resolve("out-" + name)))
        .checkpoints(config).args("--sink-sleep-ms", "5")
        // small buffers, many of them: aligned barriers queue behind thousands of slow records, while an
        // unaligned barrier waits for at most one small buffer at each task
        .tune(b -> b.bufferSize(256).buffers(8, 16)).submit();
    try {
      Deadline deadline = Deadline.in(Duration.ofSeconds(40));
      deadline.await(enough + " finished checkpoints (" + name + ")", 100, () -> {
        if (handle.status() != JobStatus.RUNNING) {
          throw new AssertionError("job ended: " + Failures.describe(handle.result().join().failure()));
        }
        CheckpointStats stats = handle.checkpointStats();
        return stats.completed() + stats.failed() >= enough;
      });
      return handle.checkpointStats();
    } finally {
      handle.cancel();
      handle.await(Duration.ofSeconds(60));
    }
  }

  @Test
  void alignedCheckpointsTimeOutBehindBackpressuredBuffers() throws Exception {
    CheckpointStats stats = runUnderBackpressure(false, "aligned", 3);
    assertEquals(0, stats.completed(), stats.describe() + " " + stats.recent());
    assertTrue(stats.failed() >= 3, stats.describe());
    List<CheckpointSummary> failures = stats.recent().stream()
        .filter(s -> s.status() == CheckpointSummary.Status.FAILED).toList();
    assertTrue(!failures.isEmpty() && failures.stream().allMatch(
        s -> s.failureReason().toLowerCase(Locale.ROOT).contains("time")), "every failure is a timeout: " + failures);
  }

  @Test
  void unalignedCheckpointsCompleteUnderTheSameBackpressureWithInFlightData() throws Exception {
    CheckpointStats stats = runUnderBackpressure(true, "unaligned", 3);
    assertTrue(stats.completed() >= 1, stats.describe() + " " + stats.recent());
    CheckpointSummary last = stats.lastCompleted().orElseThrow();
    assertTrue(last.inFlightBytes() > 0, "the overtaken buffers are stored with the checkpoint: " + last.describe());
  }
}
