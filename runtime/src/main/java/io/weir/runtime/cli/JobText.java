package io.weir.runtime.cli;

import io.weir.runtime.rpc.ExecutionStatus;
import io.weir.runtime.rpc.JobInfo;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the command line shows jobs, and the exit code a job's end maps to. */
final class JobText {
  /** Attached submit and cancel exit with this when the job was cancelled. */
  static final int EXIT_CANCELED = 3;
  /** ... with this when it failed (and 0 when it finished; 2 is bad usage). */
  static final int EXIT_FAILED = 1;

  /** Starts the line that tells which checkpoint an attempt restored. */
  static final String RESTORED = "Restored from checkpoint ";

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private JobText() {}

  /** One line for a status change, e.g. {@code Job 1f2e... (wordcount): RUNNING (attempt 2)}. */
  static String change(JobInfo job) {
    return "Job " + job.jobId() + " (" + job.jobName() + "): " + job.status()
        + (job.attempt() > 0 ? " (attempt " + (job.attempt() + 1) + ")" : "")
        + (job.failure().isEmpty() || job.status() == ExecutionStatus.FINISHED ? "" : " - " + job.failure());
  }

  /** One row of {@code weir list}. */
  static String row(JobInfo job) {
    return String.format("%-16s  %-24s  %-10s  %7d  %s UTC", job.jobId(), job.jobName(), job.status(), job.attempt() + 1,
        TIME.format(Instant.ofEpochMilli(job.submittedAtMillis())));
  }

  static String header() {
    return String.format("%-16s  %-24s  %-10s  %7s  %s", "JOB ID", "NAME", "STATUS", "ATTEMPT", "SUBMITTED");
  }

  /** Everything {@code weir status} shows. */
  static String details(JobInfo job) {
    StringBuilder text = new StringBuilder();
    text.append("Job:       ").append(job.jobId()).append(" (").append(job.jobName()).append(")\n");
    text.append("Status:    ").append(job.status()).append('\n');
    text.append("Attempt:   ").append(job.attempt() + 1).append('\n');
    text.append("Submitted: ").append(TIME.format(Instant.ofEpochMilli(job.submittedAtMillis()))).append(" UTC\n");
    if (job.endedAtMillis() > 0) {
      text.append("Ended:     ").append(TIME.format(Instant.ofEpochMilli(job.endedAtMillis()))).append(" UTC\n");
    }
    if (!job.failure().isEmpty()) {
      text.append("Failure:   ").append(job.failure()).append('\n');
    }
    text.append(String.format("%-32s %5s %9s %12s %14s %12s%n", "TASK", "PAR", "FINISHED", "RECORDS IN", "BUFFERS (MAX)", "BUF WAITS"));
    for (JobInfo.TaskSummary task : job.tasks()) {
      text.append(String.format("%-32s %5d %9d %12d %14s %12d%n", task.name(), task.parallelism(), task.finished(),
          task.recordsIn(), task.maxBuffersInUse() + "/" + task.bufferCapacity(), task.bufferWaits()));
    }
    CheckpointText.append(job.checkpoints(), text);
    return text.toString();
  }

  /** The line an attached submit prints before the status of an attempt that restored, e.g. {@code Restored from checkpoint 5: /cp/job/chk-5-metadata}. */
  static String restored(JobInfo job) {
    return RESTORED + job.checkpoints().restoredCheckpointId() + ": " + job.checkpoints().restoredFrom();
  }

  static int exitCode(ExecutionStatus status) {
    return switch (status) {
      case FINISHED -> 0;
      case CANCELED -> EXIT_CANCELED;
      default -> EXIT_FAILED;
    };
  }
}
