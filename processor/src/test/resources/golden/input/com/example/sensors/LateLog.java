package com.example.sensors;

import io.weir.api.Sink;

/** Prints the readings that came too late for their windows. */
@Sink(from = SensorAverages.class, output = "late")
public final class LateLog {
  public void write(Reading reading) {
    System.out.println("late: " + reading);
  }
}
