package io.weir.runtime.local;

/** Thrown by {@link JobResult#orThrow()} for a job that failed or was cancelled; the cause is the job's failure. */
public final class JobFailedException extends RuntimeException {
  private final JobResult result;

  JobFailedException(JobResult result) {
    super(result.status() == JobStatus.CANCELED
        ? "Job '" + result.jobName() + "' was cancelled"
        : "Job '" + result.jobName() + "' failed: " + result.failure().getMessage(), result.failure());
    this.result = result;
  }

  public JobResult result() {
    return result;
  }
}
