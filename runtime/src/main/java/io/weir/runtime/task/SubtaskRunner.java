package io.weir.runtime.task;

import io.weir.runtime.network.TaskCancelledException;

/**
 * The body of one subtask's thread: builds and opens its {@link OperatorChain}, runs the task's
 * loop, and closes everything, on success and on failure alike. Other threads only set its flags
 * ({@link #requestFlush}, {@link #cancel}); the job interrupts the thread and cancels its pool and
 * gate to wake it from any wait.
 */
public abstract class SubtaskRunner implements Runnable {
  protected final SubtaskSetup setup;
  private final SubtaskListener listener;
  private final boolean flushEveryBatch;
  private volatile boolean flushRequested;
  private volatile boolean cancelled;

  protected SubtaskRunner(SubtaskSetup setup, SubtaskListener listener, boolean flushEveryBatch) {
    this.setup = setup;
    this.listener = listener;
    this.flushEveryBatch = flushEveryBatch;
  }

  /**
   * The runner for {@code setup}'s task: a source loop or an input loop.
   *
   * @param flushEveryBatch ship output after every source poll and every input buffer (buffer
   *     timeout zero) instead of when {@link #requestFlush} was called
   */
  public static SubtaskRunner create(SubtaskSetup setup, SubtaskListener listener, boolean flushEveryBatch) {
    return setup.task().isSource()
        ? new SourceTask(setup, listener, flushEveryBatch)
        : new InputTask(setup, listener, flushEveryBatch);
  }

  public SubtaskSetup setup() {
    return setup;
  }

  public String name() {
    return setup.threadName();
  }

  @Override
  public final void run() {
    OperatorChain chain = null;
    Throwable failure = null;
    try {
      chain = new OperatorChain(setup);
      chain.open();
      process(chain);
      chain.finish();
    } catch (Throwable t) {
      failure = t;
      if (chain != null) {
        Thread.interrupted(); // the cancellation has been seen; let close() do its I/O uninterrupted
        chain.closeAfterFailure(t);
      }
    }
    listener.subtaskFinished(this, failure);
  }

  /** The task's loop; returns when its input has ended. */
  protected abstract void process(OperatorChain chain);

  /** Asks the task thread to ship partly filled buffers at its next opportunity (buffer timeout). */
  public final void requestFlush() {
    flushRequested = true;
  }

  /** Flushes if asked to since the last call; cheap enough to call per poll or input buffer. */
  protected final void flushIfRequested(OperatorChain chain) {
    if (flushRequested || flushEveryBatch) {
      flushRequested = false;
      chain.flush();
    }
  }

  /**
   * Asks a source subtask to emit {@code barrier} between two records: it snapshots its chain,
   * then sends the barrier downstream. Thread-safe; returns at once. A subtask that is not a
   * source, or has already finished, declines the checkpoint through its responder.
   */
  public void triggerCheckpoint(io.weir.runtime.network.CheckpointBarrier barrier) {
    throw new UnsupportedOperationException("checkpoint barriers are not handled by tasks yet");
  }

  /**
   * Checkpoint {@code checkpointId} completed: the task thread commits what it pre-committed up to
   * it (transactional sinks). Thread-safe; returns at once.
   */
  public void notifyCheckpointComplete(long checkpointId) {
    throw new UnsupportedOperationException("checkpoint notifications are not handled by tasks yet");
  }

  /** Checkpoint {@code checkpointId} was aborted: the task drops what it holds for it. Thread-safe; returns at once. */
  public void notifyCheckpointAborted(long checkpointId) {
    throw new UnsupportedOperationException("checkpoint notifications are not handled by tasks yet");
  }

  /** Marks the subtask cancelled; its loop stops at the next check. */
  public final void cancel() {
    cancelled = true;
  }

  protected final void checkCancelled() {
    if (cancelled) {
      throw new TaskCancelledException("subtask " + name() + " was cancelled");
    }
  }

  public final boolean isCancelled() {
    return cancelled;
  }
}
