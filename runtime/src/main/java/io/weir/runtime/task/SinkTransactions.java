package io.weir.runtime.task;

import io.weir.api.TwoPhaseCommitSink;
import io.weir.runtime.network.TaskCancelledException;
import io.weir.runtime.operator.TransactionalSinkBinding;
import io.weir.state.ListState;
import java.util.ArrayList;
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
 * commits them, each by exactly one new instance at any parallelism.
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
  /** In pre-commit order (restored ones first); mirrored into {@code state} after every change. */
  private final List<PendingTransaction> pending = new ArrayList<>();

  private SinkTransactions(String vertexId, TwoPhaseCommitSink sink, ListState<PendingTransaction> state,
      TaskOperatorContext context) {
    this.vertexId = vertexId;
    this.sink = sink;
    this.state = state;
    this.context = context;
    state.get().forEach(pending::add);
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
   * the sink discard leftovers of transactions that will never commit, then commits the restored
   * ones (they belong to checkpoints that completed; committing again is a no-op).
   */
  public void recover(long restoredCheckpointId) {
    Set<String> handles = new LinkedHashSet<>();
    pending.forEach(p -> handles.add(p.handle()));
    LOG.info("{}: recovering from checkpoint {}, committing {} restored transaction(s)", context,
        restoredCheckpointId, handles.size());
    try {
      sink.recover(Set.copyOf(handles));
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
