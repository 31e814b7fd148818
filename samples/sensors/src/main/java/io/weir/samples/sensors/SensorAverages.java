package io.weir.samples.sensors;

import io.weir.api.Emitter;
import io.weir.api.Keyed;
import io.weir.api.Operator;
import io.weir.api.TimeWindow;
import io.weir.api.Window;

/** The mean temperature of each sensor over 10 s of event time, every 5 s. */
@Operator(from = Readings.class)
@Keyed("sensor")
@Window(sizeMillis = 10_000, slideMillis = 5_000, timestamp = "time", aggregator = MeanCelsius.class)
public final class SensorAverages {
  public void window(String sensor, TimeWindow window, MeanCelsius.Mean mean, Emitter<SensorMean> out) {
    out.emit(new SensorMean(sensor, window.start(), window.end(), mean.celsius(), mean.readings()));
  }
}
