package com.example.sensors;

import io.weir.api.Emitter;
import io.weir.api.Keyed;
import io.weir.api.Operator;
import io.weir.api.TimeWindow;
import io.weir.api.Window;
import java.util.List;

/** Sessions of readings per sensor, closed by 30 s of silence: the hottest reading of each. */
@Operator(from = Readings.class)
@Keyed("sensor")
@Window(sessionGapMillis = 30_000, timestamp = "time")
public final class Bursts {
  public void window(String sensor, TimeWindow window, List<Reading> readings, Emitter<SensorMean> out) {
    double hottest = readings.stream().mapToDouble(Reading::celsius).max().orElseThrow();
    out.emit(new SensorMean(sensor, window.start(), window.end(), hottest));
  }
}
