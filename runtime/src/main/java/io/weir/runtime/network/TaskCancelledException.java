package io.weir.runtime.network;

/**
 * Thrown in a task thread that was waiting for a buffer or for input, or checked its flag, after
 * the job was cancelled (by the user or because another subtask failed). Not a failure of its own.
 */
public final class TaskCancelledException extends RuntimeException {
  public TaskCancelledException(String message) {
    super(message, null, false, false);
  }
}
