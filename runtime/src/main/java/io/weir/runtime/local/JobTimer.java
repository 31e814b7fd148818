package io.weir.runtime.local;

import io.weir.runtime.metrics.ProgressListener;
import io.weir.runtime.task.SubtaskRunner;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job's one background thread: every buffer timeout it asks each subtask to ship its partly
 * filled buffers (the subtask does it on its own thread at its next poll or input buffer), and
 * every progress interval it hands a snapshot to the progress listener. Fixed delay, not fixed
 * rate, so a slow listener is never called twice in a row to catch up.
 */
final class JobTimer {
  private static final Logger LOG = LoggerFactory.getLogger(JobTimer.class);

  private final ScheduledThreadPoolExecutor executor;
  private final ProgressListener listener;

  JobTimer(JobExecution job, RunOptions options, List<SubtaskRunner> runners) {
    this.listener = options.progressListener();
    this.executor = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "weir-timer " + job.jobName());
      t.setDaemon(true);
      return t;
    });
    long timeout = options.bufferTimeout().toNanos();
    if (timeout > 0) {
      executor.scheduleWithFixedDelay(() -> {
        for (SubtaskRunner runner : runners) {
          runner.requestFlush();
        }
      }, timeout, timeout, TimeUnit.NANOSECONDS);
    }
    if (listener != null) {
      ProgressTracker tracker = new ProgressTracker(job);
      long interval = options.progressInterval().toNanos();
      executor.scheduleWithFixedDelay(() -> {
        try {
          listener.onProgress(tracker.snapshot());
        } catch (Throwable e) { // keep reporting; an Error escaping here would silently end the schedule
          LOG.warn("Progress listener failed", e);
        }
      }, interval, interval, TimeUnit.NANOSECONDS);
    }
  }

  /** Stops the timer and waits for a progress call in flight, so the listener is never called concurrently. */
  void stop() {
    executor.shutdownNow();
    try {
      if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
        LOG.warn("Progress listener still busy after 10 s; reporting the job's end anyway");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  void finished(JobResult result) {
    if (listener == null) {
      return;
    }
    try {
      listener.onJobFinished(result);
    } catch (Throwable e) { // whatever the listener does, the job's result must still be completed
      LOG.warn("Progress listener failed", e);
    }
  }
}
