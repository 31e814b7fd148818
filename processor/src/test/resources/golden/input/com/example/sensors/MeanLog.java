package com.example.sensors;

import io.weir.api.Sink;

/** Prints the means and the session maxima. */
@Sink(from = {SensorAverages.class, Bursts.class})
public final class MeanLog {
  public void write(SensorMean mean) {
    System.out.println(mean);
  }
}
