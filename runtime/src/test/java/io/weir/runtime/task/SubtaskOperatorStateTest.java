package io.weir.runtime.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.runtime.operator.OperatorStateBinding;
import io.weir.state.operator.Redistribution;
import io.weir.state.serialization.LongSerializer;
import io.weir.state.snapshot.LocalDirectorySnapshotStorage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Binding, snapshot naming and the refusal to drop restored operator state silently. */
@Timeout(30)
class SubtaskOperatorStateTest {
  @TempDir Path directory;
  private LocalDirectorySnapshotStorage storage;
  private Map<String, String> snapshot;

  /** One instance of vertex "src" with offsets [1, 2] (even split) and markers [9] (union). */
  @BeforeEach
  void snapshot() throws Exception {
    storage = new LocalDirectorySnapshotStorage(directory);
    SubtaskOperatorState state = new SubtaskOperatorState(0, 1, null);
    state.bind("src", (OperatorStateBinding) store -> {
      store.listState("offsets", LongSerializer.INSTANCE, Redistribution.EVEN_SPLIT).addAll(List.of(1L, 2L));
      store.listState("markers", LongSerializer.INSTANCE, Redistribution.UNION).add(9L);
    });
    state.bind("plain", new Object()); // declares no operator state: nothing to snapshot
    snapshot = state.snapshot("cp-7", storage, Runnable::run).join();
  }

  private SubtaskOperatorState restoring(int subtask, int parallelism) {
    return new SubtaskOperatorState(subtask, parallelism, OperatorStateRestore.of(storage, List.of(snapshot)));
  }

  @Test
  void snapshotsEveryStoreUnderOneNamePerVertexAndSubtask() {
    assertEquals(Map.of("src", "cp-7-op-src-0"), snapshot);
  }

  @Test
  void restoresEachInstancesShare() {
    for (int subtask = 0; subtask < 2; subtask++) {
      SubtaskOperatorState state = restoring(subtask, 2);
      state.bind("src", (OperatorStateBinding) store -> {
        store.listState("offsets", LongSerializer.INSTANCE, Redistribution.EVEN_SPLIT);
        store.listState("markers", LongSerializer.INSTANCE, Redistribution.UNION);
      });
      assertEquals(List.of(subtask + 1L), state.store("src").elements("offsets"));
      assertEquals(List.of(9L), state.store("src").elements("markers"));
    }
  }

  @Test
  void restoredStateTheInstanceNoLongerDeclaresFailsNamingIt() {
    SubtaskOperatorState state = restoring(0, 1);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> state.bind("src",
        (OperatorStateBinding) store -> store.listState("offsets", LongSerializer.INSTANCE, Redistribution.EVEN_SPLIT)));
    assertTrue(e.getMessage().contains("[markers]") && e.getMessage().contains("src"), e.getMessage());
  }

  @Test
  void restoredStateForAnInstanceWithoutOperatorStateFails() {
    SubtaskOperatorState state = restoring(0, 1);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> state.bind("src", new Object()));
    assertTrue(e.getMessage().contains("declares none"), e.getMessage());
  }
}
