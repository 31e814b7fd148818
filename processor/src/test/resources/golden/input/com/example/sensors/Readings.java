package com.example.sensors;

import io.weir.api.Emitter;
import io.weir.api.EventTime;
import io.weir.api.Source;
import io.weir.api.SourceReader;

/** Readings of two sensors every second, for a minute. */
@Source(job = "sensor-windows")
public final class Readings implements SourceReader<Reading> {
  private int next;

  @EventTime(maxOutOfOrdernessMillis = 2_000)
  public long time(Reading reading) {
    return reading.time();
  }

  @Override
  public Status poll(Emitter<Reading> out) {
    if (next >= 120) {
      return Status.END_OF_INPUT;
    }
    out.emit(new Reading("s" + next % 2, next / 2 * 1_000L, 20 + next % 7));
    next++;
    return Status.MORE;
  }
}
