package io.weir.api;

/**
 * A {@link Sink} whose output becomes visible exactly once: only when the checkpoint that covers it
 * completes. Implement it on a {@code @Sink} class next to its {@code write} method; the runtime
 * drives the protocol, the sink only says how to make a transaction durable, visible or gone.
 * Every method runs on the sink's task thread.
 *
 * <ol>
 *   <li>{@code write} adds records to the open transaction (the sink starts one when it needs it).
 *   <li>At a checkpoint's barrier the runtime calls {@link #preCommit}: the open transaction is made
 *       durable but stays invisible, and later writes go to a new one. The handle returned is stored
 *       in the checkpoint.
 *   <li>When that checkpoint completes, {@link #commit} makes it visible.
 *   <li>After a failure the job resumes from the last completed checkpoint, and the handles stored in
 *       it are committed again: {@link #commit} must be idempotent (a no-op for a transaction
 *       already committed). Transactions pre-committed after that checkpoint were never committed;
 *       {@link #recover} gets the chance to discard their leftovers, and {@link #abortOpen} discards
 *       the open one when the task fails or is cancelled.
 *   <li>When a bounded input ends, the last transaction is pre-committed and committed at once.
 * </ol>
 */
public interface TwoPhaseCommitSink {

  /**
   * Makes everything written since the last pre-commit durable but invisible and returns a handle
   * naming it (for example a temporary file's name), or null when nothing was written. Later writes
   * go to a new transaction.
   */
  String preCommit(long checkpointId) throws Exception;

  /** Makes the pre-committed transaction {@code handle} visible; a no-op if it already is. */
  void commit(String handle) throws Exception;

  /** Discards the open transaction (written but not pre-committed), after a failure or cancellation. */
  void abortOpen() throws Exception;

  /**
   * Called once after {@code open} when the job resumes from a checkpoint, before the restored
   * handles are committed and before any write: discard what transactions that will never commit
   * left behind. {@code restoredHandles} are the handles about to be committed, by this instance or
   * by another instance of the sink (keep those all). Several instances recover at once: each must
   * discard only what it owns (e.g. files named after its subtask index).
   */
  default void recover(java.util.Set<String> restoredHandles) throws Exception {}
}
