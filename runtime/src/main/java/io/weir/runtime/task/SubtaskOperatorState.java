package io.weir.runtime.task;

import io.weir.runtime.operator.OperatorStateBinding;
import io.weir.state.operator.OperatorStateStore;
import io.weir.state.snapshot.SnapshotStorage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The operator state of one subtask: a store per source or sink instance that declares operator
 * state, filled from a restore when there is one, and snapshotted together. Used by the task
 * thread only (the running chain and the test harnesses alike).
 */
public final class SubtaskOperatorState {
  private final int subtaskIndex;
  private final int parallelism;
  private final OperatorStateRestore restore;
  private final Map<String, OperatorStateStore> stores = new LinkedHashMap<>();

  /**
   * @param restore where operator state is restored from, or null to start empty
   */
  public SubtaskOperatorState(int subtaskIndex, int parallelism, OperatorStateRestore restore) {
    this.subtaskIndex = subtaskIndex;
    this.parallelism = parallelism;
    this.restore = restore;
  }

  /**
   * If {@code instance} (a source reader or an invoker) declares operator state, creates its store,
   * restores this subtask's share into it and binds the fields. Call before the instance opens.
   * Restore failures (e.g. a corrupted snapshot) propagate, naming the file; so does restored state
   * the instance does not declare (any more), rather than being dropped silently.
   */
  public void bind(String vertexId, Object instance) {
    List<String> snapshots = restore == null ? List.of() : restore.snapshotsOf(vertexId);
    if (!(instance instanceof OperatorStateBinding binding)) {
      if (!snapshots.isEmpty()) {
        throw new IllegalStateException("the snapshot has operator state for vertex " + vertexId
            + ", which declares none: it would be lost");
      }
      return;
    }
    if (stores.containsKey(vertexId)) {
      throw new IllegalStateException("operator state of vertex " + vertexId + " is already bound");
    }
    OperatorStateStore store = new OperatorStateStore(vertexId, subtaskIndex, parallelism);
    if (!snapshots.isEmpty()) {
      store.restore(restore.storage(), snapshots);
    }
    binding.bindOperatorState(store);
    if (!store.unclaimedRestoredStates().isEmpty()) {
      throw new IllegalStateException("the snapshot has operator state " + store.unclaimedRestoredStates()
          + " for vertex " + vertexId + ", which no longer declares it: it would be lost (keep the @State name)");
    }
    stores.put(vertexId, store);
  }

  /** The store of vertex {@code vertexId}, or null when it declares no operator state. */
  public OperatorStateStore store(String vertexId) {
    return stores.get(vertexId);
  }

  /** Whether any instance of this subtask declares operator state. */
  public boolean isEmpty() {
    return stores.isEmpty();
  }

  /**
   * Snapshots every store: called on the task thread between two records, it only freezes the
   * lists; {@code writer} serializes and publishes them. Manifests are named
   * {@code <snapshotId>-op-<vertexId>-<subtask>}. The future yields the manifest name per vertex
   * id, or fails (with nothing published for that store) if writing fails.
   */
  public CompletableFuture<Map<String, String>> snapshot(String snapshotId, SnapshotStorage storage, Executor writer) {
    Map<String, String> names = new TreeMap<>();
    List<CompletableFuture<Void>> writes = new ArrayList<>();
    stores.forEach((vertexId, store) -> {
      String name = snapshotId + "-op-" + vertexId + "-" + subtaskIndex;
      names.put(vertexId, name);
      writes.add(store.snapshot(name, storage, writer));
    });
    return CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).thenApply(done -> Map.copyOf(names));
  }
}
