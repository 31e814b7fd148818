package io.weir.runtime.operator;

import io.weir.api.Emitter;
import io.weir.api.TimeDomain;
import io.weir.api.TimerService;

/**
 * Implemented by the generated invoker of a keyed operator with an {@code @OnTimer} method. The
 * runtime hands it the instance's timer service before {@link OperatorInvoker#open}, and calls
 * {@link #onTimer} with the timer's key current when a timer fires.
 */
public interface TimerInvoker<OUT> extends OperatorInvoker<OUT> {

  /** The timer service passed to the user's input and {@code @OnTimer} methods. */
  void bindTimers(TimerService timers);

  /** Calls the user's {@code @OnTimer} method. */
  void onTimer(long timestamp, TimeDomain domain, Emitter<OUT> out) throws Exception;
}
