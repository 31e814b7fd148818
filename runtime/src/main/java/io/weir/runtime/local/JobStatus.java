package io.weir.runtime.local;

/** Where a job is in its life. */
public enum JobStatus {
  /** Subtasks are running (or being cancelled after a failure or a cancel request). */
  RUNNING,
  /** Every source reached its end and every record was processed. */
  FINISHED,
  /** A subtask failed; the others were cancelled. */
  FAILED,
  /** Cancelled on request before it finished. */
  CANCELED;

  public boolean isTerminal() {
    return this != RUNNING;
  }
}
