package io.weir.runtime.task;

import io.weir.api.Emitter;
import io.weir.api.TimeDomain;
import io.weir.runtime.network.TaskCancelledException;
import io.weir.runtime.operator.TimerInvoker;
import io.weir.state.KeyGroupRange;
import io.weir.state.backend.KeyedStateBackend;
import io.weir.state.backend.StateBackend;
import io.weir.state.serialization.TypeSerializer;
import io.weir.state.timers.KeyedTimers;
import io.weir.state.timers.TimerCallback;
import io.weir.state.timers.TimerKeyedStateBackend;

/**
 * The timer side of one operator whose invoker has an {@code @OnTimer} method. It is the state
 * backend that operator is opened with: it creates the real keyed backend, wraps it with timers
 * ({@link TimerKeyedStateBackend}) and hands the timer service to the invoker before the invoker
 * opens. The chain then moves time forward through it, and due timers call the invoker with their
 * key current, emitting to the operator's own output.
 */
final class TimedOperator implements StateBackend, TimerCallback {
  private final StateBackend backends;
  private final TimerInvoker<Object> invoker;
  private final Emitter<Object> output;
  private final TaskOperatorContext context;
  private final KeyedTimers.Clock clock;
  private KeyedTimers timers;

  TimedOperator(StateBackend backends, TimerInvoker<Object> invoker, Emitter<Object> output,
      TaskOperatorContext context, KeyedTimers.Clock clock) {
    this.backends = backends;
    this.invoker = invoker;
    this.output = output;
    this.context = context;
    this.clock = clock;
  }

  @Override
  public String name() {
    return backends.name();
  }

  @Override
  public KeyedStateBackend createKeyedBackend(String operatorId, KeyGroupRange range, int maxParallelism) {
    return withTimers(backends.createKeyedBackend(operatorId, range, maxParallelism), maxParallelism);
  }

  @Override
  public KeyedStateBackend createKeyedBackend(
      String operatorId, KeyGroupRange range, int maxParallelism, TypeSerializer<?> keySerializer) {
    return withTimers(backends.createKeyedBackend(operatorId, range, maxParallelism, keySerializer), maxParallelism);
  }

  private KeyedStateBackend withTimers(KeyedStateBackend backend, int maxParallelism) {
    TimerKeyedStateBackend timed = new TimerKeyedStateBackend(backend, maxParallelism, clock);
    timers = timed.timers();
    invoker.bindTimers(timers);
    return timed;
  }

  /** Fires the event-time timers up to {@code watermark}. */
  void advanceWatermark(long watermark) {
    try {
      checkOpened().advanceWatermark(watermark, this);
    } catch (OperatorException | TaskCancelledException e) {
      throw e;
    } catch (Throwable t) {
      throw context.failure("failed advancing event time to " + watermark, t);
    }
  }

  /** Fires the processing-time timers that are due. */
  void advanceProcessingTime() {
    try {
      checkOpened().advanceProcessingTime(this);
    } catch (OperatorException | TaskCancelledException e) {
      throw e;
    } catch (Throwable t) {
      throw context.failure("failed firing processing-time timers", t);
    }
  }

  /** When the next processing-time timer is due; {@code Long.MAX_VALUE} for none. */
  long nextProcessingTime() {
    return timers == null ? Long.MAX_VALUE : timers.nextProcessingTime();
  }

  private KeyedTimers checkOpened() {
    if (timers == null) {
      throw new IllegalStateException(context + " has timers but no keyed state: is it @Keyed?");
    }
    return timers;
  }

  @Override
  public void onTimer(long timestamp, TimeDomain domain) throws Exception {
    try {
      invoker.onTimer(timestamp, domain, output);
    } catch (OperatorException | TaskCancelledException e) {
      throw e;
    } catch (Throwable t) {
      throw context.failure("@OnTimer failed for the " + domain + " timer at " + timestamp, t);
    }
  }
}
