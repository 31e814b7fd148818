package io.weir.samples.sensors;

import io.weir.api.AggregateFunction;

/**
 * The mean of a window's readings. Sums tenths of degrees as a long, so the result does not depend
 * on the order readings arrive in.
 */
public final class MeanCelsius implements AggregateFunction<Reading, MeanCelsius.Sum, MeanCelsius.Mean> {
  /** The running total in tenths of a degree, and the number of readings. */
  public record Sum(long deciCelsius, long count) {}

  /** The mean and how many readings it covers. */
  public record Mean(double celsius, long readings) {}

  @Override
  public Sum createAccumulator() {
    return new Sum(0, 0);
  }

  @Override
  public Sum add(Reading reading, Sum sum) {
    return new Sum(sum.deciCelsius() + reading.deciCelsius(), sum.count() + 1);
  }

  @Override
  public Mean getResult(Sum sum) {
    return new Mean(sum.deciCelsius() / 10.0 / sum.count(), sum.count());
  }

  @Override
  public Sum merge(Sum a, Sum b) {
    return new Sum(a.deciCelsius() + b.deciCelsius(), a.count() + b.count());
  }
}
