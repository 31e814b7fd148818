package com.example.sensors;

import io.weir.api.AggregateFunction;

/** The mean temperature of the readings in a window. */
public final class MeanCelsius implements AggregateFunction<Reading, MeanCelsius.Sum, Double> {
  /** Running total and count. */
  public record Sum(double total, long count) {}

  @Override
  public Sum createAccumulator() {
    return new Sum(0, 0);
  }

  @Override
  public Sum add(Reading reading, Sum sum) {
    return new Sum(sum.total() + reading.celsius(), sum.count() + 1);
  }

  @Override
  public Double getResult(Sum sum) {
    return sum.total() / sum.count();
  }
}
