package io.weir.runtime.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.weir.runtime.fixtures.ResumableJob;
import io.weir.runtime.plan.JobPlan;
import io.weir.state.snapshot.LocalDirectorySnapshotStorage;
import java.nio.file.Path;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A sink that is not keyed keeps operator state across snapshot and restore, also at another parallelism. */
@Timeout(30)
class OperatorHarnessOperatorStateTest {
  @TempDir Path directory;

  @Test
  void pendingRecordsSurviveARestoreAndCompleteTheBatch() throws Exception {
    Queue<List<Long>> confirmed = new ConcurrentLinkedQueue<>();
    JobPlan plan = ResumableJob.plan(1, new ConcurrentLinkedQueue<>(), confirmed);
    LocalDirectorySnapshotStorage storage = new LocalDirectorySnapshotStorage(directory);
    OperatorSnapshot saved;
    try (OperatorHarness<Void> batches = OperatorHarness.of(plan, "Batches")) {
      batches.process(1L).process(2L);
      saved = batches.snapshot(storage);
      batches.process(3L); // completes a batch after the snapshot
      assertEquals(List.of(List.of(1L, 2L, 3L)), List.copyOf(confirmed));
    }
    confirmed.clear();
    try (OperatorHarness<Void> restored = OperatorHarness.<Void>of(plan, "Batches").restoreFrom(saved)) {
      assertEquals(List.of(1L, 2L), restored.operatorState("pending"));
      restored.process(30L);
      assertEquals(List.of(List.of(1L, 2L, 30L)), List.copyOf(confirmed));
      assertEquals(List.of(), restored.operatorState("pending"));
    }
  }

  @Test
  void twoInstancesPendingRecordsGatherInOneOnScaleDown() throws Exception {
    Queue<List<Long>> confirmed = new ConcurrentLinkedQueue<>();
    JobPlan plan = ResumableJob.plan(2, new ConcurrentLinkedQueue<>(), confirmed);
    LocalDirectorySnapshotStorage storage = new LocalDirectorySnapshotStorage(directory);
    OperatorSnapshot first;
    OperatorSnapshot second;
    try (OperatorHarness<Void> a = OperatorHarness.<Void>of(plan, "Batches").subtask(0, 2);
        OperatorHarness<Void> b = OperatorHarness.<Void>of(plan, "Batches").subtask(1, 2)) {
      a.process(1L);
      b.process(2L);
      first = a.snapshot(storage);
      second = b.snapshot(storage);
    }
    try (OperatorHarness<Void> merged = OperatorHarness.<Void>of(plan, "Batches")
        .restoreFrom(OperatorSnapshot.combine(second, first))) {
      assertEquals(List.of(1L, 2L), merged.operatorState("pending"), "old subtask order, whatever the combine order");
      merged.process(3L);
      assertEquals(List.of(List.of(1L, 2L, 3L)), List.copyOf(confirmed));
    }
  }

  @Test
  void aSinkWithoutOperatorStateRejectsAnOperatorStateSnapshot() throws Exception {
    JobPlan plan = ResumableJob.plan(1, new ConcurrentLinkedQueue<>(), new ConcurrentLinkedQueue<>());
    OperatorSnapshot saved;
    try (OperatorHarness<Void> batches = OperatorHarness.of(plan, "Batches")) {
      batches.process(1L);
      saved = batches.snapshot(new LocalDirectorySnapshotStorage(directory));
    }
    OperatorHarness<Void> collect = OperatorHarness.<Void>of(plan, "Collect").restoreFrom(saved);
    assertThrows(IllegalStateException.class, collect::open);
  }
}
