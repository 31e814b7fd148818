package io.weir.runtime.testing;

import io.weir.runtime.plan.JobCatalog;
import io.weir.runtime.plan.JobPlan;
import io.weir.runtime.plan.VertexPlan;
import io.weir.runtime.task.OperatorStateRestore;
import io.weir.runtime.task.SubtaskOperatorState;
import io.weir.state.operator.OperatorStateStore;
import io.weir.state.snapshot.SnapshotStorage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Finding a user class's vertex and handling operator state, shared by the harnesses. */
final class HarnessSupport {
  private HarnessSupport() {}

  /** The plan of the job containing {@code userClass}, from the generated plans on its class loader. */
  static JobPlan planContaining(Class<?> userClass) {
    ClassLoader loader = userClass.getClassLoader() != null ? userClass.getClassLoader() : ClassLoader.getSystemClassLoader();
    JobPlan plan = JobCatalog.load(loader).jobContaining(userClass.getName());
    if (plan == null) {
      throw new IllegalArgumentException("no job on the classpath contains " + userClass.getName()
          + ": is it annotated, reachable from a @Source, and compiled with the weir processor?");
    }
    return plan;
  }

  static VertexPlan vertex(JobPlan plan, String className) {
    VertexPlan vertex = plan.vertexForClass(className);
    if (vertex == null) {
      throw new IllegalArgumentException("job '" + plan.name() + "' has no vertex for class " + className);
    }
    return vertex;
  }

  /**
   * Snapshots the operator state of {@code vertexId} the way a running task does (frozen on this
   * thread, written on a writer thread) and waits; the manifest names, empty when it has none.
   */
  static List<String> snapshotOperatorState(SubtaskOperatorState state, String snapshotId, SnapshotStorage storage,
      String vertexId, String vertexName) throws Exception {
    if (state.store(vertexId) == null) {
      return List.of();
    }
    ExecutorService writer = Executors.newSingleThreadExecutor(r -> new Thread(r, "snapshot-writer " + vertexName));
    try {
      return List.of(state.snapshot(snapshotId, storage, writer).join().get(vertexId));
    } catch (CompletionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    } finally {
      writer.shutdown();
    }
  }

  /** The operator state of one instance, restored from {@code snapshot} when it has any for the vertex. */
  static SubtaskOperatorState operatorState(OperatorSnapshot snapshot, String vertexId, int subtaskIndex,
      int parallelism) {
    OperatorStateRestore restore = snapshot == null || snapshot.operatorStateNames().isEmpty()
        ? null
        : new OperatorStateRestore(snapshot.storage(), Map.of(vertexId, snapshot.operatorStateNames()));
    return new SubtaskOperatorState(subtaskIndex, parallelism, restore);
  }

  /** The elements of operator state {@code name} of {@code vertexName}. */
  static <E> List<E> operatorStateElements(SubtaskOperatorState state, String vertexId, String vertexName,
      String name) {
    OperatorStateStore store = state == null ? null : state.store(vertexId);
    if (store == null) {
      throw new IllegalStateException(vertexName + " declares no operator state (or is not open yet)");
    }
    return store.elements(name);
  }

  static void checkSubtask(int index, int parallelism) {
    if (parallelism < 1 || index < 0 || index >= parallelism) {
      throw new IllegalArgumentException("subtask index " + index + " must be in [0, " + parallelism + ")");
    }
  }
}
