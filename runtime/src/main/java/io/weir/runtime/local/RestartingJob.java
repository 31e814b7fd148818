package io.weir.runtime.local;

import io.weir.runtime.checkpoint.CheckpointStats;
import io.weir.runtime.checkpoint.CompletedCheckpoint;
import io.weir.runtime.checkpoint.RestorePlan;
import io.weir.runtime.graph.PhysicalGraph;
import io.weir.runtime.metrics.ProgressListener;
import io.weir.runtime.metrics.ProgressSnapshot;
import io.weir.runtime.metrics.TaskMetrics;
import io.weir.runtime.metrics.VertexMetrics;
import io.weir.runtime.plan.JobPlan;
import io.weir.runtime.rpc.RestartStrategy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded job that restarts after a failure as its {@link RestartStrategy} allows, the way a
 * cluster job does: each attempt is a whole new {@link JobExecution} (every subtask, fresh state
 * backends), resuming from the latest completed checkpoint in the job's one checkpoint directory,
 * or, before any completed, from where the job started. What the handle reports (status, metrics,
 * savepoints, checkpoint figures) is the current attempt's; record counts start again at each
 * attempt. The progress listener hears of every attempt's progress and of the job's end once.
 */
final class RestartingJob implements JobHandle {
  private static final Logger LOG = LoggerFactory.getLogger(RestartingJob.class);

  private final JobPlan plan;
  private final RunOptions attemptOptions;
  private final RestartStrategy strategy;
  private final ProgressListener listener;
  private final CompletableFuture<JobResult> result = new CompletableFuture<>();
  private final ScheduledExecutorService restarts;
  private final long startNanos = System.nanoTime();
  /** Made here when the job checkpoints into a temporary directory: it must outlive the attempts. */
  private final Path temporaryDirectory;
  private Path checkpointDirectory;
  private volatile JobExecution current;
  private int restartCount;
  private boolean cancelled;
  private ScheduledFuture<?> pendingRestart;

  RestartingJob(JobPlan plan, RunOptions options) {
    this.plan = plan;
    this.strategy = options.restartStrategy();
    this.listener = options.progressListener();
    // attempts report progress, never the end: only the last attempt's end is the job's
    this.attemptOptions = listener == null ? options : options.toBuilder().progressListener(listener::onProgress).build();
    boolean temporary = options.checkpointing() != null && options.checkpointing().directory().isEmpty();
    try {
      this.temporaryDirectory = temporary ? Files.createTempDirectory("weir-checkpoints-") : null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary checkpoint directory for job '" + plan.name() + "'", e);
    }
    this.checkpointDirectory = temporaryDirectory;
    try {
      this.current = new JobExecution(plan, attemptOptions, checkpointDirectory, null);
    } catch (RuntimeException e) {
      if (temporaryDirectory != null) {
        JobCheckpointing.deleteRecursively(temporaryDirectory);
      }
      throw e;
    }
    ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "weir-restart " + plan.name());
      t.setDaemon(true);
      return t;
    });
    executor.setRemoveOnCancelPolicy(true);
    this.restarts = executor;
  }

  void start() {
    JobExecution first = current;
    checkpointDirectory = first.checkpointDirectory().orElse(null);
    first.start();
    first.result().whenComplete((r, e) -> attemptEnded(first, r, e));
  }

  private void attemptEnded(JobExecution attempt, JobResult attemptResult, Throwable teardownFailure) {
    if (teardownFailure != null) {
      finish(null, teardownFailure);
      return;
    }
    synchronized (this) {
      if (attemptResult.status() == JobStatus.FAILED && !cancelled) {
        long delay = strategy.delayBeforeRestart(restartCount + 1);
        if (delay >= 0) {
          restartCount++;
          Optional<CompletedCheckpoint> latest = attempt.latestCompletedCheckpoint();
          LOG.warn("Job '{}' failed; restart {} of {} in {} ms from {}", plan.name(), restartCount,
              strategy.maxAttempts(), delay, latest.map(c -> "checkpoint " + c.id()).orElse(
                  attemptOptions.restoreFrom() != null ? attemptOptions.restoreFrom().toString() : "the beginning"),
              attemptResult.failure());
          pendingRestart = restarts.schedule(() -> restart(latest), delay, TimeUnit.MILLISECONDS);
          return;
        }
        if (strategy.kind() != RestartStrategy.Kind.NONE) {
          LOG.error("Job '{}' failed after {} restarts; the restart strategy allows no more", plan.name(), restartCount);
        }
      }
      if (attemptResult.status() == JobStatus.FAILED && cancelled) {
        // cancelled while this attempt was failing: it would have restarted, so the job ends as cancelled
        LOG.info("Job '{}' cancelled while its attempt failed", plan.name(), attemptResult.failure());
        attemptResult = new JobResult(attemptResult.jobName(), JobStatus.CANCELED, attemptResult.duration(),
            attemptResult.vertices(), attemptResult.tasks(), null, attemptResult.checkpoints());
      }
    }
    finish(attemptResult, null);
  }

  private void restart(Optional<CompletedCheckpoint> latest) {
    final JobExecution next;
    synchronized (this) {
      if (cancelled) {
        return; // cancel() ended the job while the restart waited
      }
      Function<PhysicalGraph, RestorePlan> restore = graph -> {
        if (latest.isPresent()) {
          CompletedCheckpoint c = latest.get();
          return RestorePlan.load(Path.of(c.location()).resolve(c.metadataName() + ".manifest"), graph, false);
        }
        return attemptOptions.restoreFrom() == null ? null
            : RestorePlan.load(attemptOptions.restoreFrom(), graph, attemptOptions.allowNonRestoredState());
      };
      try {
        next = new JobExecution(plan, attemptOptions, checkpointDirectory, restore);
      } catch (RuntimeException e) { // e.g. the checkpoint to resume from is damaged: the job fails with why
        LOG.error("Job '{}' cannot restart", plan.name(), e);
        finish(new JobResult(plan.name(), JobStatus.FAILED, elapsed(), List.of(), List.of(), e), null);
        return;
      }
      current = next;
      // started under the lock: a cancel() from now on finds it running and cancels it
      next.start();
    }
    next.result().whenComplete((r, e) -> attemptEnded(next, r, e));
  }

  private void finish(JobResult last, Throwable teardownFailure) {
    restarts.shutdownNow();
    if (temporaryDirectory != null) {
      JobCheckpointing.deleteRecursively(temporaryDirectory);
    }
    if (teardownFailure != null) {
      result.completeExceptionally(teardownFailure);
      return;
    }
    JobResult whole = new JobResult(last.jobName(), last.status(), elapsed(), last.vertices(), last.tasks(),
        last.failure(), last.checkpoints());
    if (listener != null) {
      try {
        listener.onJobFinished(whole);
      } catch (Throwable e) { // whatever the listener does, the job's result must still be completed
        LOG.warn("Progress listener failed", e);
      }
    }
    result.complete(whole);
  }

  private Duration elapsed() {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  /** Restarts taken so far. */
  synchronized int restarts() {
    return restartCount;
  }

  @Override
  public void cancel() {
    JobExecution attempt;
    synchronized (this) {
      if (cancelled || result.isDone()) {
        return;
      }
      cancelled = true;
      attempt = current;
      if (pendingRestart != null && pendingRestart.cancel(false)) {
        // between two attempts: nothing runs, the job ends here
        finish(new JobResult(plan.name(), JobStatus.CANCELED, elapsed(), attempt.metrics(), attempt.taskMetrics(),
            null, attempt.checkpointStats()), null);
        return;
      }
    }
    attempt.cancel();
  }

  @Override
  public String jobName() {
    return plan.name();
  }

  @Override
  public PhysicalGraph graph() {
    return current.graph();
  }

  @Override
  public JobStatus status() {
    JobResult done = result.getNow(null);
    return done == null ? JobStatus.RUNNING : done.status();
  }

  @Override
  public JobResult await() throws InterruptedException {
    try {
      return result.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("the job ended but could not be torn down", e.getCause());
    }
  }

  @Override
  public JobResult await(Duration timeout) throws InterruptedException, TimeoutException {
    try {
      return result.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException("the job ended but could not be torn down", e.getCause());
    } catch (TimeoutException e) {
      throw new TimeoutException("job '" + plan.name() + "' still running after " + timeout.toMillis() + " ms");
    }
  }

  @Override
  public CompletableFuture<JobResult> result() {
    return result;
  }

  @Override
  public List<VertexMetrics> metrics() {
    return current.metrics();
  }

  @Override
  public List<TaskMetrics> taskMetrics() {
    return current.taskMetrics();
  }

  @Override
  public CompletableFuture<CompletedCheckpoint> triggerSavepoint(String directory) {
    return current.triggerSavepoint(directory);
  }

  @Override
  public Optional<Path> checkpointDirectory() {
    return Optional.ofNullable(checkpointDirectory);
  }

  @Override
  public CheckpointStats checkpointStats() {
    return current.checkpointStats();
  }
}
