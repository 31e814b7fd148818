package io.weir.runtime.local;

import io.weir.runtime.checkpoint.CheckpointAbortedException;
import io.weir.runtime.checkpoint.CheckpointStats;
import io.weir.runtime.checkpoint.CompletedCheckpoint;
import io.weir.runtime.graph.PhysicalGraph;
import io.weir.runtime.metrics.TaskMetrics;
import io.weir.runtime.metrics.VertexMetrics;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A job submitted to a {@link LocalCluster}: follow it, wait for it, cancel it. Thread-safe. */
public interface JobHandle {

  String jobName();

  /** The physical graph the job runs as: parallelism, chains, partitioning. */
  PhysicalGraph graph();

  /** {@link JobStatus#RUNNING} until the result is available. */
  default JobStatus status() {
    JobResult done = result().getNow(null);
    return done == null ? JobStatus.RUNNING : done.status();
  }

  /**
   * Asks every subtask to stop: they are interrupted, and woken from any wait for buffers or
   * input; opened user objects are closed. Returns at once; {@link #await} gives the result
   * ({@link JobStatus#CANCELED}, unless the job had already finished or failed). Idempotent.
   */
  void cancel();

  /** Waits for the job to end. */
  default JobResult await() throws InterruptedException {
    try {
      return result().get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("the job ended but could not be torn down", e.getCause());
    }
  }

  /** Waits at most {@code timeout} for the job to end. */
  default JobResult await(Duration timeout) throws InterruptedException, TimeoutException {
    try {
      return result().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException("the job ended but could not be torn down", e.getCause());
    } catch (TimeoutException e) {
      throw new TimeoutException("job '" + jobName() + "' still running after " + timeout.toMillis() + " ms");
    }
  }

  /** Completes with the result when the job ends. */
  CompletableFuture<JobResult> result();

  /** Live record counts per vertex; counts may lag slightly behind the task threads. */
  List<VertexMetrics> metrics();

  /** Live network figures per task. */
  List<TaskMetrics> taskMetrics();

  /**
   * Takes a savepoint into a fresh directory {@code savepoint-<job>-<id>-<6 hex>} under
   * {@code directory}; the future yields it once complete, or fails with a
   * {@link CheckpointAbortedException} saying why (the job was started without checkpointing, has a
   * finished subtask, a subtask declined, it timed out).
   */
  default CompletableFuture<CompletedCheckpoint> triggerSavepoint(String directory) {
    return CompletableFuture.failedFuture(new CheckpointAbortedException(0, "job '" + jobName()
        + "' takes no savepoints"));
  }

  /** The directory the job's periodic checkpoints go to; empty when it takes none. */
  default java.util.Optional<java.nio.file.Path> checkpointDirectory() {
    return java.util.Optional.empty();
  }

  /** Counts and recent checkpoints of the job; {@link CheckpointStats#NONE} when it does not checkpoint. */
  default CheckpointStats checkpointStats() {
    return CheckpointStats.NONE;
  }
}
