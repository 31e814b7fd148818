package io.weir.state.backend;

import io.weir.api.ReduceFunction;

/** A user's {@link ReduceFunction} threw or returned null; the cause is the user's exception. */
public final class ReduceFailedException extends RuntimeException {
  private ReduceFailedException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Applies {@code reducer}, turning a checked failure or a null result into this exception. */
  public static <T> T reduce(ReduceFunction<T> reducer, T accumulated, T value, StateDescriptor<?> state) {
    T result;
    try {
      result = reducer.reduce(accumulated, value);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new ReduceFailedException(reducer.getClass().getName() + " failed for " + state, e);
    }
    if (result == null) {
      throw new ReduceFailedException(reducer.getClass().getName() + " returned null for " + state, null);
    }
    return result;
  }
}
