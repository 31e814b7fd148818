package com.example.sensors;

import io.weir.api.Emitter;
import io.weir.api.Keyed;
import io.weir.api.Operator;
import io.weir.api.SideOutput;
import io.weir.api.TimeWindow;
import io.weir.api.Window;

/** Mean temperature per sensor over 10 s windows sliding by 5 s. */
@Operator(from = Readings.class)
@Keyed("sensor")
@Window(sizeMillis = 10_000, slideMillis = 5_000, timestamp = "time", aggregator = MeanCelsius.class,
    allowedLatenessMillis = 1_000)
public final class SensorAverages {
  @SideOutput("late") Emitter<Reading> tooLate;

  public void window(String sensor, TimeWindow window, Double mean, Emitter<SensorMean> out) {
    out.emit(new SensorMean(sensor, window.start(), window.end(), mean));
  }

  /** Readings later than the allowed lateness go to the "late" side output. */
  public void late(Reading reading, Emitter<SensorMean> out) {
    tooLate.emit(reading);
  }
}
