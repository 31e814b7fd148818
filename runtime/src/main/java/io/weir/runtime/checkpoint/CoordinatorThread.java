package io.weir.runtime.checkpoint;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single thread all of a coordinator's decisions run on: calls from other threads hop onto
 * it, so the coordinator's bookkeeping needs no locks. A failure of one piece of work is logged and
 * never stops the thread.
 */
final class CoordinatorThread {
  private static final Logger LOG = LoggerFactory.getLogger(CoordinatorThread.class);
  private final ScheduledExecutorService timer;
  private final String jobName;
  private volatile Thread thread;

  CoordinatorThread(ScheduledExecutorService timer, String jobName) {
    this.timer = timer;
    this.jobName = jobName;
  }

  ScheduledExecutorService timer() {
    return timer;
  }

  /** Runs {@code work} on the thread; false when it no longer accepts work (shut down). */
  boolean execute(Runnable work) {
    try {
      timer.execute(() -> {
        thread = Thread.currentThread();
        try {
          work.run();
        } catch (RuntimeException e) {
          LOG.error("checkpoint coordinator of job {} failed", jobName, e);
        }
      });
      return true;
    } catch (RejectedExecutionException e) {
      return false;
    }
  }

  /**
   * Runs {@code work} on the thread and waits (at most {@code timeoutSeconds}) until it ran; from
   * the thread itself it only queues, since waiting there would wait forever.
   */
  void executeAndWait(Runnable work, long timeoutSeconds) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    boolean queued = execute(() -> {
      try {
        work.run();
      } finally {
        done.complete(null);
      }
    });
    if (queued && Thread.currentThread() != thread) {
      try {
        done.get(timeoutSeconds, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (Exception e) {
        LOG.warn("checkpoint coordinator of job {} did not finish in {} s", jobName, timeoutSeconds, e);
      }
    }
  }
}
