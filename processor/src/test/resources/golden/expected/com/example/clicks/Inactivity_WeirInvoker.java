package com.example.clicks;

import io.weir.api.Emitter;
import io.weir.api.OperatorContext;
import io.weir.api.TimeDomain;
import io.weir.api.TimerService;
import io.weir.runtime.operator.TimerInvoker;
import io.weir.state.backend.KeyedStateBackend;
import io.weir.state.backend.StateDescriptor;
import io.weir.state.serialization.LongSerializer;
import javax.annotation.processing.Generated;

/**
 * Calls {@link Inactivity} for the Weir runtime.
 */
@Generated("io.weir.processor.WeirProcessor")
public final class Inactivity_WeirInvoker implements TimerInvoker<Alert> {
  private final Inactivity operator = new Inactivity();

  private TimerService timers;

  @Override
  public void open(OperatorContext context, KeyedStateBackend state) throws Exception {
    operator.lastClick = state.valueState(StateDescriptor.value("lastClick", LongSerializer.INSTANCE));
  }

  @Override
  public void process(int input, Object record, Emitter<Alert> out) throws Exception {
    switch (input) {
      case 0 -> operator.process((Click) record, timers, out);
      default -> throw new IllegalArgumentException("Inactivity has no input " + input);
    }
  }

  @Override
  public void close() throws Exception {
  }

  @Override
  public void bindTimers(TimerService timers) {
    this.timers = timers;
  }

  @Override
  public void onTimer(long timestamp, TimeDomain domain, Emitter<Alert> out) throws Exception {
    operator.onTimer(timestamp, domain, timers, out);
  }
}
