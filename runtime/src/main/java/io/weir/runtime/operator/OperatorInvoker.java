package io.weir.runtime.operator;

import io.weir.api.Emitter;
import io.weir.api.OperatorContext;
import io.weir.state.backend.KeyedStateBackend;

/**
 * Calls one instance of a user's {@code @Operator} or {@code @Sink} class directly, without
 * reflection. The processor generates one implementation per class, in the class's package (so it
 * can bind package-private state fields). Single-threaded: the task thread owns it.
 *
 * @param <OUT> the operator's output type; ignored for sinks
 */
public interface OperatorInvoker<OUT> {

  /**
   * Binds the {@code @State} fields to {@code state} (null for operators that are not keyed) and
   * calls the user's {@code open(OperatorContext)} if it has one.
   */
  void open(OperatorContext context, KeyedStateBackend state) throws Exception;

  /**
   * Hands {@code record} to the user's method for input {@code input} (the index of the input type
   * in the plan's vertex, 0 for single-input operators) and emits its results to {@code out}.
   * Keyed operators: the caller has set the record's key as the backend's current key.
   */
  void process(int input, Object record, Emitter<OUT> out) throws Exception;

  /** Calls the user's {@code close()} if it has one. */
  void close() throws Exception;
}
