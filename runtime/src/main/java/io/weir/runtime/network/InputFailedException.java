package io.weir.runtime.network;

/**
 * Thrown by {@link InputGate#poll()} and {@link InputGate#take()} after {@link InputGate#fail}: an
 * input the subtask depends on broke (e.g. the connection to the TaskManager of an upstream
 * subtask was lost). Unlike {@link TaskCancelledException} this is a failure of the subtask.
 */
public final class InputFailedException extends RuntimeException {
  public InputFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
