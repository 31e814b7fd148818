package io.weir.runtime.task;

import io.weir.api.TwoPhaseCommitSink;
import io.weir.runtime.network.TaskCancelledException;
import io.weir.runtime.operator.TransactionalSinkBinding;
import io.weir.state.ListState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives the transactions of one {@link TwoPhaseCommitSink} instance through checkpoints. The
 * transactions pre-committed and not committed yet are kept, with the checkpoint that pre-committed
 * them, in the sink's reserved operator state ({@link SubtaskOperatorState#PENDING_TRANSACTIONS}),
 * so the operator state snapshot taken right after {@link #preCommit} holds them and a restore
 * commits them.
 *
 * <p>On restore every new instance sees the handles of all old instances (the reserved state is a
 * union), in old-subtask order, and takes a contiguous, nearly equal share of them to commit: each
 * handle is committed by exactly one new instance at any parallelism, while every instance's
 * {@code recover} knows all handles about to be committed and so never discards one of them.
 *
 * <p>How a task drives it, per sink vertex whose invoker implements {@link TransactionalSinkBinding}:
 * <ol>
 *   <li>{@link #bind} after {@link SubtaskOperatorState#bind} of that invoker (which restores the
 *       reserved state), before the chain opens;
 *   <li>{@link #recover} once the chain opened, when it was restored ({@link SubtaskRestore#checkpointId()}),
 *       before the first record;
 *   <li>{@link #preCommit} at every checkpoint or savepoint barrier, before the operator state
 *       snapshot that must hold the handle;
 *   <li>{@link #commitUpTo} when a checkpoint completes (an aborted one needs nothing: its
 *       transactions stay pending and the next completed checkpoint commits them);
 *   <li>{@link #endOfInput} when the sink's input ended, before it closes;
 *   <li>{@link #abortOpen} when the task fails or is cancelled.
 * </ol>
 *
 * <p>Everything runs on the task thread. What the sink throws fails the task as an
 * {@link OperatorException} naming the sink and the step.
 */
public final class SinkTransactions {
  private static final Logger LOG = LoggerFactory.getLogger(SinkTransactions.class);

  private final String vertexId;
  private final TwoPhaseCommitSink sink;
  private final ListState<PendingTransaction> state;
  private final TaskOperatorContext context;
  /** Every handle restored, by any instance; all of them are being committed by one instance or another. */
  private final Set<String> restoredByAll = new LinkedHashSet<>();
  /** In pre-commit order (this instance's restored share first); mirrored into {@code state} after every change. */
  private final List<PendingTransaction> pending = new ArrayList<>();

  private SinkTransactions(String vertexId, TwoPhaseCommitSink sink, ListState<PendingTransaction> state,
      TaskOperatorContext context) {
    this.vertexId = vertexId;
    this.sink = sink;
    this.state = state;
    this.context = context;
    List<PendingTransaction> restored = new ArrayList<>();
    state.get().forEach(restored::add);
    restored.forEach(p -> restoredByAll.add(p.handle()));
    int from = (int) ((long) context.subtaskIndex() * restored.size() / context.parallelism());
    int to = (int) ((long) (context.subtaskIndex() + 1) * restored.size() / context.parallelism());
    pending.addAll(restored.subList(from, to));
    state.update(List.copyOf(pending)); // the next snapshot holds this instance's share only
  }

  /**
   * For a sink invoker implementing {@link TransactionalSinkBinding}, after
   * {@code state.bind(vertexId, invoker)}; the pending handles are kept in {@code state}'s reserved
   * list, which already holds this instance's share of a restored snapshot.
   */
  public static SinkTransactions bind(String vertexId, TransactionalSinkBinding sink, SubtaskOperatorState state,
      TaskOperatorContext ctx) {
    TwoPhaseCommitSink instance = sink.transactionalSink();
    if (instance == null) {
      throw ctx.failure("its invoker returned no transactional sink", null);
    }
    return new SinkTransactions(vertexId, instance, state.pendingTransactions(vertexId), ctx);
  }

  /**
   * After the sink opened, when the job resumed from checkpoint {@code restoredCheckpointId}: lets
   * the sink discard leftovers of transactions that will never commit (passing it the handles
   * restored by all instances, which it must keep), then commits this instance's share of them
   * (they belong to checkpoints that completed; committing again is a no-op).
   */
  public void recover(long restoredCheckpointId) {
    LOG.info("{}: restored checkpoint {}, committing {} of {} restored transaction(s)", context,
        restoredCheckpointId, pending.size(), restoredByAll.size());
    try {
      sink.recover(Collections.unmodifiableSet(restoredByAll));
    } catch (Exception e) {
      throw failure("recovering its transactions after restoring checkpoint " + restoredCheckpointId + " failed", e);
    }
    commitWhere(Long.MAX_VALUE);
  }

  /**
   * At the barrier of {@code checkpointId}, before the operator state snapshot: the open
   * transaction becomes durable and pending, so the snapshot holds its handle.
   */
  public void preCommit(long checkpointId) {
    String handle;
    try {
      handle = sink.preCommit(checkpointId);
    } catch (Exception e) {
      throw failure("pre-commit for checkpoint " + checkpointId + " failed", e);
    }
    if (handle != null) {
      PendingTransaction transaction = new PendingTransaction(checkpointId, handle);
      pending.add(transaction);
      state.add(transaction);
    }
  }

  /**
   * When checkpoint {@code checkpointId} completed: commits every pending transaction
   * pre-committed at it or an earlier checkpoint (also earlier ones that were aborted: the completed
   * checkpoint's snapshot holds them too), in pre-commit order.
   */
  public void commitUpTo(long checkpointId) {
    commitWhere(checkpointId);
  }

  /** When bounded input ended: pre-commits the open transaction and commits everything pending. */
  public void endOfInput() {
    preCommit(Long.MAX_VALUE);
    commitWhere(Long.MAX_VALUE);
  }

  /**
   * On failure or cancellation: discards the open transaction. Pending ones stay where they are,
   * for a restore to commit or the sink's {@code recover} to discard. What this throws is added to
   * {@code primary} as suppressed.
   */
  public void abortOpen(Throwable primary) {
    try {
      sink.abortOpen();
    } catch (Exception e) {
      primary.addSuppressed(failure("aborting its open transaction failed", e));
    }
  }

  /** The handles pre-committed and not committed yet, in pre-commit order (for tests and diagnostics). */
  public List<PendingTransaction> pending() {
    return List.copyOf(pending);
  }

  /** The vertex whose sink this drives. */
  public String vertexId() {
    return vertexId;
  }

  /** Commits the pending transactions of checkpoints up to {@code checkpointId}; the state keeps the rest. */
  private void commitWhere(long checkpointId) {
    try {
      for (Iterator<PendingTransaction> it = pending.iterator(); it.hasNext(); ) {
        PendingTransaction p = it.next();
        if (p.checkpointId() > checkpointId) {
          continue;
        }
        try {
          sink.commit(p.handle());
        } catch (Exception e) {
          throw failure("commit of transaction '" + p.handle() + "' (checkpoint "
              + (p.checkpointId() == Long.MAX_VALUE ? "end of input" : p.checkpointId()) + ") failed", e);
        }
        it.remove();
      }
    } finally { // what was committed before a failure stays committed
      state.update(List.copyOf(pending));
    }
  }

  private RuntimeException failure(String what, Exception e) {
    if (e instanceof OperatorException || e instanceof TaskCancelledException) {
      return (RuntimeException) e;
    }
    return context.failure(what, e);
  }
}
