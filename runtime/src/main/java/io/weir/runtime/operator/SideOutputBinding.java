package io.weir.runtime.operator;

import io.weir.api.Emitter;

/**
 * Implemented by the generated invoker of an operator with side outputs ({@code @SideOutput}
 * emitter fields). The runtime binds an emitter to every declared side output, consumed or not,
 * on the task thread before the invoker opens.
 */
public interface SideOutputBinding {
  /** Assigns the operator's side output field {@code name}. */
  void bindSideOutput(String name, Emitter<Object> emitter);
}
