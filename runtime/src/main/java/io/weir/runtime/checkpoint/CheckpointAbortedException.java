package io.weir.runtime.checkpoint;

/**
 * A checkpoint or savepoint did not complete: a subtask declined it, it timed out, a subtask
 * finished, or the job ended first. The message says which.
 */
public final class CheckpointAbortedException extends RuntimeException {
  private final long checkpointId;

  public CheckpointAbortedException(long checkpointId, String message) {
    super(message);
    this.checkpointId = checkpointId;
  }

  /** The id of the aborted checkpoint; 0 when it was refused before it got one. */
  public long checkpointId() {
    return checkpointId;
  }
}
