package com.example.sensors;

import io.weir.api.Emitter;
import io.weir.api.OperatorContext;
import io.weir.api.TimeDomain;
import io.weir.api.TimerService;
import io.weir.runtime.operator.SideOutputBinding;
import io.weir.runtime.operator.TimerInvoker;
import io.weir.runtime.window.WindowAggregation;
import io.weir.runtime.window.WindowAssigner;
import io.weir.runtime.window.WindowRunner;
import io.weir.state.backend.KeyedStateBackend;
import javax.annotation.processing.Generated;

/**
 * Calls {@link SensorAverages} for the Weir runtime.
 */
@Generated("io.weir.processor.WeirProcessor")
public final class SensorAverages_WeirInvoker implements TimerInvoker<SensorMean>, SideOutputBinding {
  private final SensorAverages operator = new SensorAverages();

  private TimerService timers;

  private WindowRunner<Reading, MeanCelsius.Sum, Double> windows;

  @Override
  public void open(OperatorContext context, KeyedStateBackend state) throws Exception {
    windows = new WindowRunner<>(state, timers, WindowAssigner.sliding(10000L, 5000L), WindowAggregation.of(new MeanCelsius()), MeanCelsius_Sum_WeirSerializer.INSTANCE, true, 1000L, 0L, 0L);
  }

  @Override
  public void process(int input, Object record, Emitter<SensorMean> out) throws Exception {
    switch (input) {
      case 0 -> windows.add(((Reading) record).time(), (Reading) record, (key, window, result) -> operator.window((String) key, window, result, out), late -> operator.late(late, out));
      default -> throw new IllegalArgumentException("SensorAverages has no input " + input);
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

  @Override
  @SuppressWarnings("unchecked")
  public void bindSideOutput(String name, Emitter<Object> emitter) {
    switch (name) {
      case "late" -> operator.tooLate = (Emitter<Reading>) (Emitter<?>) emitter;
      default -> throw new IllegalArgumentException("SensorAverages has no side output " + name);
    }
  }
}
