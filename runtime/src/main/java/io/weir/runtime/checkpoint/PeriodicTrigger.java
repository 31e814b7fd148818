package io.weir.runtime.checkpoint;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * When the next periodic checkpoint starts: every {@code interval} after the start of the previous
 * one, but never while {@code maxConcurrent} checkpoints are pending, and, with a minimum pause,
 * never while one is pending nor sooner than {@code minPause} after the end of the previous one
 * (completed or aborted). A trigger that finds no free slot waits for {@link #checkpointEnded}.
 * Confined to the coordinator's timer thread.
 */
final class PeriodicTrigger {
  private final CheckpointConfig config;
  private final ScheduledExecutorService timer;
  private final java.util.function.LongSupplier pendingCheckpoints;
  private final Runnable trigger;
  private ScheduledFuture<?> next;
  private long lastEndMillis;
  private boolean waitingForSlot;
  private boolean cancelled;

  /**
   * @param pendingCheckpoints periodic checkpoints pending now (savepoints do not count)
   * @param trigger starts a periodic checkpoint
   */
  PeriodicTrigger(CheckpointConfig config, ScheduledExecutorService timer, java.util.function.LongSupplier pendingCheckpoints,
      Runnable trigger) {
    this.config = config;
    this.timer = timer;
    this.pendingCheckpoints = pendingCheckpoints;
    this.trigger = trigger;
  }

  /** The first periodic checkpoint starts one interval from now (nothing when the configuration is not periodic). */
  void start() {
    if (config.periodic() && !cancelled) {
      schedule(config.interval().toMillis());
    }
  }

  /** No periodic checkpoint starts any more. */
  void cancel() {
    cancelled = true;
    if (next != null) {
      next.cancel(false);
      next = null;
    }
  }

  /** Periodic checkpoints start again, one interval from now, after a {@link #cancel}. */
  void resume() {
    cancelled = false;
    start();
  }

  /** A checkpoint completed or aborted: the pause starts now, and a trigger waiting for a slot may go. */
  void checkpointEnded() {
    lastEndMillis = System.currentTimeMillis();
    if (waitingForSlot && !cancelled) {
      waitingForSlot = false;
      schedule(config.minPause().toMillis());
    }
  }

  private void schedule(long delayMillis) {
    if (next != null) {
      next.cancel(false);
    }
    next = timer.schedule(this::tick, Math.max(0, delayMillis), TimeUnit.MILLISECONDS);
  }

  private void tick() {
    next = null;
    if (cancelled) {
      return;
    }
    long pending = pendingCheckpoints.getAsLong();
    boolean pauseRequired = !config.minPause().isZero();
    if (pending >= config.maxConcurrent() || (pauseRequired && pending > 0)) {
      waitingForSlot = true; // checkpointEnded() schedules the next one
      return;
    }
    long earliest = lastEndMillis + config.minPause().toMillis();
    long now = System.currentTimeMillis();
    if (pauseRequired && now < earliest) {
      schedule(earliest - now);
      return;
    }
    trigger.run();
    schedule(config.interval().toMillis());
  }
}
