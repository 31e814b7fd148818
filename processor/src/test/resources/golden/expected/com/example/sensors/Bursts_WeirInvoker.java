package com.example.sensors;

import io.weir.api.Emitter;
import io.weir.api.OperatorContext;
import io.weir.api.TimeDomain;
import io.weir.api.TimerService;
import io.weir.runtime.operator.TimerInvoker;
import io.weir.runtime.window.WindowAggregation;
import io.weir.runtime.window.WindowAssigner;
import io.weir.runtime.window.WindowRunner;
import io.weir.state.backend.KeyedStateBackend;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * Calls {@link Bursts} for the Weir runtime.
 */
@Generated("io.weir.processor.WeirProcessor")
public final class Bursts_WeirInvoker implements TimerInvoker<SensorMean> {
  private final Bursts operator = new Bursts();

  private TimerService timers;

  private WindowRunner<Reading, List<Reading>, List<Reading>> windows;

  @Override
  public void open(OperatorContext context, KeyedStateBackend state) throws Exception {
    windows = new WindowRunner<>(state, timers, WindowAssigner.session(30000L), WindowAggregation.<Reading>collecting(), List_Reading_WeirSerializer.INSTANCE, true, 0L, 0L, 0L);
  }

  @Override
  public void process(int input, Object record, Emitter<SensorMean> out) throws Exception {
    switch (input) {
      case 0 -> windows.add(((Reading) record).time(), (Reading) record, (key, window, result) -> operator.window((String) key, window, result, out), late -> {});
      default -> throw new IllegalArgumentException("Bursts has no input " + input);
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
  public void onTimer(long timestamp, TimeDomain domain, Emitter<SensorMean> out) throws Exception {
    windows.onTimer(timestamp, domain, (key, window, result) -> operator.window((String) key, window, result, out));
  }
}
