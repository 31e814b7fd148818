package io.weir.runtime.task;

import io.weir.runtime.operator.OperatorStateBinding;
import io.weir.runtime.operator.TransactionalSinkBinding;
import io.weir.state.ListState;
import io.weir.state.operator.OperatorStateStore;
import io.weir.state.operator.Redistribution;
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
 *
 * <p>A transactional sink (its invoker implements {@link TransactionalSinkBinding}) always gets a
 * store, holding the reserved list {@link #PENDING_TRANSACTIONS} next to its own {@code @State}
 * lists: the transactions it pre-committed and that are not committed yet, which
 * {@link SinkTransactions} maintains.
 */
public final class SubtaskOperatorState {
  /**
   * The reserved operator state of a transactional sink: its {@link PendingTransaction}s. Restored
   * as a union (every new instance sees every restored handle, so none of them discards a file
   * that another is about to commit); {@link SinkTransactions} then keeps an even, contiguous
   * share per instance, so each handle is committed by exactly one new instance at any parallelism.
   */
  public static final String PENDING_TRANSACTIONS = "weir.pending-transactions";

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
   * If {@code instance} (a source reader or an invoker) declares operator state or is a
   * transactional sink, creates its store, restores this subtask's share into it and binds the
   * fields (a transactional sink's reserved {@link #PENDING_TRANSACTIONS} list first). Call before
   * the instance opens. Restore failures (e.g. a corrupted snapshot) propagate, naming the file;
   * so does restored state the instance does not declare (any more), rather than being dropped
   * silently.
   */
  public void bind(String vertexId, Object instance) {
    List<String> snapshots = restore == null ? List.of() : restore.snapshotsOf(vertexId);
    OperatorStateBinding binding = instance instanceof OperatorStateBinding b ? b : null;
    boolean transactional = instance instanceof TransactionalSinkBinding;
    if (binding == null && !transactional) {
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
    if (transactional) { // registered before the user's lists, so a user list of that name cannot take it
      pendingList(store);
    }
    if (binding != null) {
      binding.bindOperatorState(store);
    }
    List<String> unclaimed = store.unclaimedRestoredStates();
    if (unclaimed.contains(PENDING_TRANSACTIONS)) {
      throw new IllegalStateException("the snapshot has pending transactions for vertex " + vertexId
          + ", which is no longer a transactional sink (TwoPhaseCommitSink): they would never be committed");
    }
    if (!unclaimed.isEmpty()) {
      throw new IllegalStateException("the snapshot has operator state " + unclaimed
          + " for vertex " + vertexId + ", which no longer declares it: it would be lost (keep the @State name)");
    }
    stores.put(vertexId, store);
  }

  /**
   * The reserved list of pending transactions of vertex {@code vertexId}, bound (and restored) by
   * {@link #bind} because its instance is a transactional sink.
   */
  ListState<PendingTransaction> pendingTransactions(String vertexId) {
    OperatorStateStore store = stores.get(vertexId);
    if (store == null || !store.stateNames().contains(PENDING_TRANSACTIONS)) {
      throw new IllegalStateException("vertex " + vertexId + " was not bound as a transactional sink");
    }
    return pendingList(store);
  }

  private static ListState<PendingTransaction> pendingList(OperatorStateStore store) {
    return store.listState(PENDING_TRANSACTIONS, PendingTransaction.SERIALIZER, Redistribution.UNION);
  }

  /** The store of vertex {@code vertexId}, or null when it declares no operator state and is not transactional. */
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
