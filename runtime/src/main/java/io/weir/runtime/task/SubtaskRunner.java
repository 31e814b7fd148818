package io.weir.runtime.task;

import io.weir.runtime.network.CancelCheckpointMarker;
import io.weir.runtime.network.CheckpointBarrier;
import io.weir.runtime.network.TaskCancelledException;

/**
 * The body of one subtask's thread: builds and opens its {@link OperatorChain}, runs the task's
 * loop, and closes everything, on success and on failure alike. Other threads only set its flags
 * ({@link #requestFlush}, {@link #cancel}) or leave checkpoint work in its {@link TaskMailbox};
 * the job interrupts the thread and cancels its pool and gate to wake it from any wait.
 */
public abstract class SubtaskRunner implements Runnable {
  protected final SubtaskSetup setup;
  private final SubtaskListener listener;
  private final boolean flushEveryBatch;
  private volatile boolean flushRequested;
  private volatile boolean cancelled;
  /** Checkpoint triggers and notifications, run by the task thread between two records. */
  final TaskMailbox mailbox = new TaskMailbox();
  /** The running chain and its checkpointer (null when the job does not checkpoint); task thread only. */
  OperatorChain chain;
  ChainCheckpointer checkpointer;

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
    Throwable failure = null;
    try {
      chain = new OperatorChain(setup);
      if (setup.checkpointing() != null) {
        checkpointer = new ChainCheckpointer(setup, chain, setup.checkpointing());
      }
      mailbox.wakeUpWith(wakeUp());
      chain.open();
      process(chain);
      mailbox.close(); // no checkpoint can be taken any more: triggers still queued are declined
      chain.finish();
    } catch (Throwable t) {
      failure = t;
      mailbox.close();
      if (chain != null) {
        Thread.interrupted(); // the cancellation has been seen; let close() do its I/O uninterrupted
        chain.closeAfterFailure(t);
      }
    }
    listener.subtaskFinished(this, failure);
  }

  /** What wakes this task's thread when mail arrives while it waits; called on the task thread. */
  abstract Runnable wakeUp();

  /** Runs the checkpoint work other threads queued; the loops call it between two records. */
  final void runMail() {
    if (mailbox.hasMail()) {
      mailbox.runAll();
    }
  }

  /**
   * Takes this subtask's part of {@code barrier}'s checkpoint and sends the barrier on (a cancel
   * marker instead when the snapshot failed at once, so downstream stops waiting for it). Task thread.
   */
  final void snapshotAndForward(CheckpointBarrier barrier, long alignmentNanos,
      java.util.concurrent.CompletableFuture<java.util.List<InFlightBuffer>> inFlight) {
    boolean taken = checkpointer == null || checkpointer.snapshot(barrier, alignmentNanos, inFlight);
    chain.broadcastEvent(taken ? barrier : new CancelCheckpointMarker(barrier.checkpointId()));
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
   * source, or has already finished, declines the checkpoint through its responder. A failing
   * snapshot declines too (with the reason) and the subtask keeps running.
   *
   * @throws IllegalStateException when the subtask was set up without checkpointing
   */
  public void triggerCheckpoint(CheckpointBarrier barrier) {
    TaskCheckpointing checkpointing = checkpointingOrFail();
    long id = barrier.checkpointId();
    if (!setup.task().isSource()) {
      decline(checkpointing, id, "subtask " + name() + " is not a source: barriers reach it through its inputs");
      return;
    }
    mailbox.put(() -> snapshotAndForward(barrier, 0, null),
        () -> decline(checkpointing, id, "subtask " + name() + " is no longer running (finished or failed)"));
  }

  /**
   * Checkpoint {@code checkpointId} completed: the task thread commits what it pre-committed up to
   * it (transactional sinks). Thread-safe; returns at once.
   */
  public void notifyCheckpointComplete(long checkpointId) {
    if (setup.checkpointing() != null) {
      mailbox.put(() -> checkpointer.notifyComplete(checkpointId), () -> {});
    }
  }

  /** Checkpoint {@code checkpointId} was aborted: the task drops what it holds for it. Thread-safe; returns at once. */
  public void notifyCheckpointAborted(long checkpointId) {
    if (setup.checkpointing() != null) {
      mailbox.put(() -> checkpointer.notifyAborted(checkpointId), () -> {});
    }
  }

  private TaskCheckpointing checkpointingOrFail() {
    TaskCheckpointing checkpointing = setup.checkpointing();
    if (checkpointing == null) {
      throw new IllegalStateException("subtask " + name() + " was set up without checkpointing");
    }
    return checkpointing;
  }

  private void decline(TaskCheckpointing checkpointing, long id, String reason) {
    checkpointing.responder().decline(id, setup.task().index(), setup.subtaskIndex(), reason);
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
