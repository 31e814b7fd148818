package io.weir.runtime.operator;

import io.weir.state.operator.OperatorStateStore;

/**
 * Implemented by generated code for a {@code @Source} (its {@code <Simple>_WeirSource}) or a sink
 * that is not keyed (its invoker) when the class declares operator state: {@code @State} list
 * fields that belong to the instance rather than to a key. The runtime calls
 * {@link #bindOperatorState} once, on the task thread, after creating the instance and before
 * opening it; the store already holds this instance's share of a restored snapshot.
 */
public interface OperatorStateBinding {

  /** Assigns every operator state field from {@code store} ({@code store.listState(name, serializer, mode)}). */
  void bindOperatorState(OperatorStateStore store);
}
