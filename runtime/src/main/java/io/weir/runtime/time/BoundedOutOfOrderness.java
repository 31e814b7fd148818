package io.weir.runtime.time;

import io.weir.api.WatermarkGenerator;

/**
 * The watermark of {@code BOUNDED_OUT_OF_ORDERNESS} (and, with a bound of zero, {@code MONOTONOUS}):
 * the largest timestamp seen, minus the bound, minus one, so records exactly at the bound are not late.
 */
public final class BoundedOutOfOrderness implements WatermarkGenerator<Object> {
  private final long bound;
  private long maxTimestamp;

  public BoundedOutOfOrderness(long boundMillis) {
    if (boundMillis < 0) {
      throw new IllegalArgumentException("out-of-orderness bound must not be negative, got " + boundMillis);
    }
    this.bound = boundMillis;
    this.maxTimestamp = Long.MIN_VALUE + bound + 1; // currentWatermark() is Long.MIN_VALUE until a record is seen
  }

  /** Timestamps never decrease. */
  public static BoundedOutOfOrderness monotonous() {
    return new BoundedOutOfOrderness(0);
  }

  @Override
  public void onEvent(Object record, long timestamp) {
    if (timestamp > maxTimestamp) {
      maxTimestamp = timestamp;
    }
  }

  @Override
  public long currentWatermark() {
    return maxTimestamp - bound - 1;
  }
}
