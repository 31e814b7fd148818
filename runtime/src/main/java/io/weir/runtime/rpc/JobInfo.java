package io.weir.runtime.rpc;

import java.util.List;
import java.util.Objects;

/**
 * A job as the JobManager reports it: status, attempt, why it failed, and a summary per task.
 *
 * @param attempt 0 for the first run, incremented by every restart
 * @param failure the failure that ended the job or its last attempt; empty when none
 * @param endedAtMillis 0 while the job has not ended
 * @param checkpoints the job's checkpoints over all its attempts
 */
public record JobInfo(String jobId, String jobName, ExecutionStatus status, int attempt, String failure,
    long submittedAtMillis, long endedAtMillis, List<TaskSummary> tasks, JobCheckpoints checkpoints) {

  public JobInfo {
    Objects.requireNonNull(jobId);
    Objects.requireNonNull(jobName);
    Objects.requireNonNull(status);
    Objects.requireNonNull(failure);
    tasks = List.copyOf(tasks);
    Objects.requireNonNull(checkpoints, "checkpoints");
  }

  /** A job without checkpoints. */
  public JobInfo(String jobId, String jobName, ExecutionStatus status, int attempt, String failure,
      long submittedAtMillis, long endedAtMillis, List<TaskSummary> tasks) {
    this(jobId, jobName, status, attempt, failure, submittedAtMillis, endedAtMillis, tasks, JobCheckpoints.NONE);
  }

  /**
   * One task (chain) of the current attempt, summed over its subtasks from their last reports.
   *
   * @param finished subtasks that have finished
   * @param recordsIn records the task's head received over the network
   * @param maxBuffersInUse the most output buffers any one subtask had in flight at once
   * @param bufferCapacity the output buffers each subtask may have in flight (0 without network outputs)
   * @param bufferWaits how often producers waited for a free buffer: backpressure episodes
   */
  public record TaskSummary(String name, int parallelism, int finished, long recordsIn, int maxBuffersInUse,
      int bufferCapacity, long bufferWaits) {
    public TaskSummary {
      Objects.requireNonNull(name);
    }
  }
}
