package io.weir.runtime.time;

import io.weir.api.WatermarkGenerator;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * How a source reads event time: its timestamp method, a factory of its watermark generator (one
 * per source instance) and how long it may go without records before it is marked idle.
 *
 * @param idleTimeoutMillis 0 to never mark it idle
 */
public record SourceEventTime(
    SourceTimestamps timestamps, Supplier<? extends WatermarkGenerator<?>> watermarks, long idleTimeoutMillis) {

  public SourceEventTime {
    Objects.requireNonNull(timestamps, "timestamps");
    Objects.requireNonNull(watermarks, "watermarks");
    if (idleTimeoutMillis < 0) {
      throw new IllegalArgumentException("idle timeout must not be negative, got " + idleTimeoutMillis);
    }
  }
}
