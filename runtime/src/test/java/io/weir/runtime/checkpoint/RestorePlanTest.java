package io.weir.runtime.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.runtime.graph.PhysicalGraph;
import io.weir.runtime.graph.TaskSpec;
import io.weir.runtime.task.SubtaskRestore;
import io.weir.state.snapshot.LocalDirectorySnapshotStorage;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestorePlanTest {
  @TempDir Path temp;
  private final PhysicalGraph atTwo = CheckpointTestPlans.graph(CheckpointTestPlans.plan("lines", 128), 2);
  private LocalDirectorySnapshotStorage storage;

  @BeforeEach
  void setUp() throws Exception {
    storage = new LocalDirectorySnapshotStorage(temp.resolve("wc-1"));
  }

  private static TaskSpec taskOf(PhysicalGraph graph, String vertexId) {
    return graph.taskOf(vertexId);
  }

  @Test
  void keyedAndOperatorStateRestoreAtAnotherParallelismFromEveryOldInstance() throws Exception {
    CheckpointTestPlans.write(atTwo, storage, 5, CheckpointType.SAVEPOINT, false);
    PhysicalGraph atThree = CheckpointTestPlans.graph(CheckpointTestPlans.plan("lines", 128), 3);
    RestorePlan plan = RestorePlan.load(storage.directory(), atThree, false);
    assertEquals(5, plan.checkpointId());
    for (int s = 0; s < 3; s++) {
      SubtaskRestore counting = plan.forSubtask(taskOf(atThree, "count"), s);
      assertEquals(5, counting.checkpointId());
      assertEquals(List.of("chk-5-keyed-count-0", "chk-5-keyed-count-1"), counting.keyedOf("count"));
      assertNull(counting.operatorState(), "the keyed task has no operator state");
      assertEquals(List.of(), counting.channelState());
      SubtaskRestore reading = plan.forSubtask(taskOf(atThree, "lines"), s);
      assertEquals(List.of("chk-5-op-lines-0", "chk-5-op-lines-1"), reading.operatorState().snapshotsOf("lines"));
      assertEquals(List.of(), reading.keyedOf("tokenize"));
    }
    assertThrows(IllegalArgumentException.class, () -> plan.forSubtask(taskOf(atThree, "count"), 3));
  }

  @Test
  void stateOfAVertexTheNewJobLacksFailsUnlessAllowed() throws Exception {
    CheckpointTestPlans.write(atTwo, storage, 1, CheckpointType.CHECKPOINT, false);
    PhysicalGraph renamedSource = CheckpointTestPlans.graph(CheckpointTestPlans.plan("numbers", 128), 2);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RestorePlan.load(storage.directory(), renamedSource, false));
    assertTrue(e.getMessage().contains("no longer has: Lines (lines)"), e.getMessage());
    assertTrue(e.getMessage().contains("--allow-non-restored-state"), e.getMessage());

    RestorePlan plan = RestorePlan.load(storage.directory(), renamedSource, true);
    assertEquals(List.of("Lines (lines)"), plan.nonRestoredVertices());
    SubtaskRestore fresh = plan.forSubtask(taskOf(renamedSource, "numbers"), 0);
    assertNull(fresh.operatorState(), "a new vertex starts without state");
    assertEquals(List.of("chk-1-keyed-count-0", "chk-1-keyed-count-1"),
        plan.forSubtask(taskOf(renamedSource, "count"), 1).keyedOf("count"));
  }

  @Test
  void channelStateRestoresOnlyAtTheSameParallelism() throws Exception {
    CheckpointTestPlans.write(atTwo, storage, 2, CheckpointType.CHECKPOINT, true);
    RestorePlan same = RestorePlan.load(storage.directory(), atTwo, false);
    assertEquals(List.of("chk-2-ch-count-1"), same.forSubtask(taskOf(atTwo, "count"), 1).channelState());
    assertEquals(List.of(), same.forSubtask(taskOf(atTwo, "lines"), 1).channelState());

    PhysicalGraph atThree = CheckpointTestPlans.graph(CheckpointTestPlans.plan("lines", 128), 3);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RestorePlan.load(storage.directory(), atThree, false));
    assertTrue(e.getMessage().contains("in-flight data of task Count at parallelism 2"), e.getMessage());
    assertTrue(e.getMessage().contains("restore from it") && e.getMessage().contains("savepoint"), e.getMessage());
  }

  @Test
  void maxParallelismMustMatch() throws Exception {
    CheckpointTestPlans.write(atTwo, storage, 1, CheckpointType.CHECKPOINT, false);
    PhysicalGraph other = CheckpointTestPlans.graph(CheckpointTestPlans.plan("lines", 64), 2);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RestorePlan.load(storage.directory(), other, false));
    assertTrue(e.getMessage().contains("maxParallelism 128 but job 'wc' now has maxParallelism 64"), e.getMessage());
  }

  @Test
  void theLatestCheckpointOfADirectoryIsFoundAndAMetadataFileIsAccepted() throws Exception {
    assertEquals(Optional.empty(), RestorePlan.latestIn(storage.directory()));
    assertEquals(Optional.empty(), RestorePlan.latestIn(temp.resolve("missing")));
    for (long id : new long[] {2, 9, 10}) {
      CheckpointTestPlans.write(atTwo, storage, id, CheckpointType.CHECKPOINT, false);
    }
    Path latest = RestorePlan.latestIn(storage.directory()).orElseThrow();
    assertEquals(storage.manifestPath("chk-10-metadata"), latest);
    assertEquals(10, RestorePlan.load(storage.directory(), atTwo, false).checkpointId());
    assertEquals(9, RestorePlan.load(storage.manifestPath("chk-9-metadata"), atTwo, false).checkpointId());
  }

  @Test
  void nothingRestorableFailsClearly() throws Exception {
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> RestorePlan.load(temp.resolve("nope"), atTwo, false));
    assertTrue(missing.getMessage().contains("no such file or directory"), missing.getMessage());
    IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
        () -> RestorePlan.load(storage.directory(), atTwo, false));
    assertTrue(empty.getMessage().contains("no complete checkpoint or savepoint"), empty.getMessage());
    CheckpointTestPlans.write(atTwo, new LocalDirectorySnapshotStorage(temp.resolve("runs").resolve("wc-17")), 1,
        CheckpointType.CHECKPOINT, false);
    IllegalArgumentException parent = assertThrows(IllegalArgumentException.class,
        () -> RestorePlan.load(temp.resolve("runs"), atTwo, false));
    assertTrue(parent.getMessage().contains("it holds checkpoint directories [wc-17]: pass one of them"),
        parent.getMessage());
    new FakeTaskSnapshots(atTwo, storage).data("chk-1-op-lines-0.data");
    IllegalArgumentException notMetadata = assertThrows(IllegalArgumentException.class,
        () -> RestorePlan.load(storage.dataPath("chk-1-op-lines-0.data"), atTwo, false));
    assertTrue(notMetadata.getMessage().contains("is not checkpoint metadata"), notMetadata.getMessage());
  }
}
