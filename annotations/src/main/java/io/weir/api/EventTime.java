package io.weir.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the method of a {@link Source} that reads a record's event timestamp, and says how the
 * source's watermarks follow those timestamps. The method is {@code public long name(T record)},
 * where {@code T} is the type the source emits; it returns milliseconds since the epoch.
 *
 * <pre>{@code
 * @Source(job = "sensors")
 * public final class Readings implements SourceReader<Reading> {
 *   @EventTime(watermarks = WatermarkStrategy.BOUNDED_OUT_OF_ORDERNESS, maxOutOfOrdernessMillis = 2_000,
 *       idleTimeoutMillis = 10_000)
 *   public long timestamp(Reading r) { return r.time(); }
 *   ...
 * }
 * }</pre>
 *
 * <p>Each source instance emits its watermark periodically (every {@code RunOptions.watermarkInterval},
 * 200 ms by default) and a final watermark at {@code Long.MAX_VALUE} when its input ends, so every
 * event-time timer and window of a bounded job fires. An instance that has emitted nothing for
 * {@link #idleTimeoutMillis()} is marked idle and does not hold back the watermark downstream until
 * it emits again.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface EventTime {
  /** How the watermark follows the timestamps seen. */
  WatermarkStrategy watermarks() default WatermarkStrategy.BOUNDED_OUT_OF_ORDERNESS;

  /** For {@link WatermarkStrategy#BOUNDED_OUT_OF_ORDERNESS}: how far a record may lag the largest timestamp seen. */
  long maxOutOfOrdernessMillis() default 0;

  /** For {@link WatermarkStrategy#CUSTOM}: the generator, instantiated once per source instance. */
  Class<? extends WatermarkGenerator<?>> generator() default NoGenerator.class;

  /** Milliseconds without a record after which the instance is marked idle; 0 never marks it idle. */
  long idleTimeoutMillis() default 0;

  /** Placeholder default of {@link #generator()}; never instantiated. */
  final class NoGenerator implements WatermarkGenerator<Object> {
    private NoGenerator() {}

    @Override
    public void onEvent(Object record, long timestamp) {
      throw new UnsupportedOperationException("no generator declared");
    }

    @Override
    public long currentWatermark() {
      throw new UnsupportedOperationException("no generator declared");
    }
  }
}
