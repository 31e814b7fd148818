package io.weir.runtime.local;

import io.weir.runtime.checkpoint.CheckpointStats;
import io.weir.runtime.metrics.TaskMetrics;
import io.weir.runtime.metrics.VertexMetrics;
import java.time.Duration;
import java.util.List;

/**
 * How a job ended, with its final record counts (exact: read after every subtask thread ended).
 *
 * @param vertices per-vertex counts in topological order
 * @param tasks per-task network figures, in task order
 * @param failure what failed the job (an {@link io.weir.runtime.task.OperatorException} naming the
 *     operator and subtask, with the user's exception as its cause), with close() failures of
 *     other user objects as suppressed exceptions; null unless {@link JobStatus#FAILED}
 * @param checkpoints the job's checkpoints ({@link CheckpointStats#NONE} when it took none)
 */
public record JobResult(
    String jobName, JobStatus status, Duration duration, List<VertexMetrics> vertices, List<TaskMetrics> tasks, Throwable failure,
    CheckpointStats checkpoints) {

  public JobResult {
    vertices = List.copyOf(vertices);
    tasks = List.copyOf(tasks);
    checkpoints = checkpoints == null ? CheckpointStats.NONE : checkpoints;
  }

  /** A result of a job that took no checkpoints. */
  public JobResult(
      String jobName, JobStatus status, Duration duration, List<VertexMetrics> vertices, List<TaskMetrics> tasks, Throwable failure) {
    this(jobName, status, duration, vertices, tasks, failure, CheckpointStats.NONE);
  }

  /** The counts of the vertex named {@code name}. */
  public VertexMetrics vertex(String name) {
    for (VertexMetrics v : vertices) {
      if (v.name().equals(name)) {
        return v;
      }
    }
    throw new IllegalArgumentException("job '" + jobName + "' has no vertex named '" + name + "'; vertices: "
        + vertices.stream().map(VertexMetrics::name).toList());
  }

  public boolean finished() {
    return status == JobStatus.FINISHED;
  }

  /** This result when the job finished; else throws a {@link JobFailedException} caused by the failure. */
  public JobResult orThrow() {
    if (status != JobStatus.FINISHED) {
      throw new JobFailedException(this);
    }
    return this;
  }
}
