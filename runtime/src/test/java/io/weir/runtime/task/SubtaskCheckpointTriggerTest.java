package io.weir.runtime.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.runtime.checkpoint.CheckpointOptions;
import io.weir.runtime.checkpoint.CheckpointType;
import io.weir.runtime.checkpoint.CheckpointingMode;
import io.weir.runtime.fixtures.KeyedCountJob;
import io.weir.runtime.network.CheckpointBarrier;
import io.weir.runtime.wiring.BufferSettings;
import io.weir.state.snapshot.LocalDirectorySnapshotStorage;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Triggers a subtask cannot act on are declined through the responder at once, never silently
 * dropped: a trigger at a subtask that is not a source, and one at a source that already finished.
 */
@Timeout(60)
class SubtaskCheckpointTriggerTest {
  static final CheckpointOptions ALIGNED =
      new CheckpointOptions(CheckpointType.CHECKPOINT, CheckpointingMode.EXACTLY_ONCE, false, 0, "");

  @TempDir Path directory;

  @Test
  void triggersAtNonSourcesAndFinishedSourcesAreDeclined() throws Exception {
    LocalDirectorySnapshotStorage storage = new LocalDirectorySnapshotStorage(directory);
    try (CheckpointedJob job = new CheckpointedJob(KeyedCountJob.plan(2, 4, new ConcurrentHashMap<>()),
        new String[] {"--partitions", "2", "--per-partition", "100"}, storage, new BufferSettings(256, 2, 2),
        (task, subtask) -> null)) {
      job.start();
      job.join();
      assertTrue(job.failures.isEmpty(), job.failures.toString());
      List<SubtaskRunner> runners = job.runners();
      SubtaskRunner source = runners.stream().filter(r -> r.setup().task().isSource()).findFirst().orElseThrow();
      SubtaskRunner count = runners.stream().filter(r -> !r.setup().task().isSource()).findFirst().orElseThrow();

      count.triggerCheckpoint(new CheckpointBarrier(1, 0, ALIGNED));
      source.triggerCheckpoint(new CheckpointBarrier(2, 0, ALIGNED));
      source.notifyCheckpointComplete(2); // a finished subtask ignores notifications

      assertEquals(2, job.declines.size(), job.declines.toString());
      assertTrue(job.declines.get(0).startsWith("1 " + count.setup().task().index() + "/" + count.setup().subtaskIndex()), job.declines.toString());
      assertTrue(job.declines.get(0).contains("not a source"), job.declines.toString());
      assertTrue(job.declines.get(1).startsWith("2 " + source.setup().task().index() + "/" + source.setup().subtaskIndex()), job.declines.toString());
      assertTrue(job.declines.get(1).contains("no longer running"), job.declines.toString());
      assertTrue(job.acks.isEmpty());
    }
  }
}
