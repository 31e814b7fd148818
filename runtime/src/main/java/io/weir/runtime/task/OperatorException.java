package io.weir.runtime.task;

/**
 * A job failed in one operator instance: the message names the vertex and the subtask, the cause
 * is what the user's code (or a serializer, or a key extractor) threw.
 *
 * <p>Subtasks are numbered from 1 in messages, as in thread names ("subtask 2 of 4" is the one
 * with {@link io.weir.api.OperatorContext#subtaskIndex() index} 1); {@link #subtaskIndex()} is
 * the 0-based index.
 */
public final class OperatorException extends RuntimeException {
  private final String operatorName;
  private final int subtaskIndex;
  private final int parallelism;

  /**
   * @param what what went wrong, or null to describe it by the cause alone
   */
  public OperatorException(String operatorName, int subtaskIndex, int parallelism, String what, Throwable cause) {
    super(message(operatorName, subtaskIndex, parallelism, what, cause), cause);
    this.operatorName = operatorName;
    this.subtaskIndex = subtaskIndex;
    this.parallelism = parallelism;
  }

  private static String message(String operatorName, int subtaskIndex, int parallelism, String what, Throwable cause) {
    String where = "Operator '" + operatorName + "' failed in subtask " + (subtaskIndex + 1) + " of " + parallelism
        + " (index " + subtaskIndex + "): ";
    if (what == null) {
      return where + cause;
    }
    return cause == null ? where + what : where + what + ": " + cause;
  }

  /** The vertex's name. */
  public String operatorName() {
    return operatorName;
  }

  /** 0-based index of the failed instance. */
  public int subtaskIndex() {
    return subtaskIndex;
  }

  public int parallelism() {
    return parallelism;
  }
}
