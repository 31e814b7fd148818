package io.weir.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a {@link Keyed} operator a window: each key's records are grouped into windows of time,
 * aggregated as they arrive, and handed to the operator's window method when a window fires.
 *
 * <pre>{@code
 * @Operator(from = Readings.class)
 * @Keyed("sensor")
 * @Window(sizeMillis = 10_000, slideMillis = 5_000, timestamp = "time", aggregator = MeanTemperature.class)
 * public final class SensorAverages {
 *   public void window(String sensor, TimeWindow window, Double mean, Emitter<SensorMean> out) { ... }
 * }
 * }</pre>
 *
 * <p>Shapes: tumbling ({@code sizeMillis}), sliding ({@code sizeMillis} and {@code slideMillis}),
 * or session ({@code sessionGapMillis}: a key's window closes after that long without records).
 * Aggregation: an {@link #aggregator()} (one accumulator per window; sessions need its
 * {@code merge}), a {@link #reducer()}, or neither, in which case the window method receives every
 * record of the window as a {@code List<In>}. The window method is
 * {@code public void window(K key, TimeWindow window, R result, Emitter<Out> out)}, with {@code R}
 * the aggregator's result, the reduced type, or {@code List<In>}.
 *
 * <p>Time: with {@link #timestamp()} (a {@code long} member of the input, like a {@link Keyed}
 * key) windows follow event time and fire when the watermark passes their end; without, they
 * follow processing time. Records later than {@link #allowedLatenessMillis()} after a window's
 * end go to the operator's optional {@code public void late(In record, Emitter<Out> out)} method
 * (dropped without one); those within it fire the window again with the updated result.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Window {
  /** Length of a tumbling or sliding window. */
  long sizeMillis() default 0;

  /** Distance between the starts of sliding windows; 0 for tumbling windows (slide = size). */
  long slideMillis() default 0;

  /** Gap that closes a session window; set it instead of {@link #sizeMillis()}. */
  long sessionGapMillis() default 0;

  /** The input's event-time member (record component, public field or accessor); "" for processing time. */
  String timestamp() default "";

  /** Incremental aggregation, one accumulator per window. */
  Class<? extends AggregateFunction<?, ?, ?>> aggregator() default State.NoAggregator.class;

  /** Incremental aggregation by folding the records themselves. */
  Class<? extends ReduceFunction<?>> reducer() default State.NoReducer.class;

  /** How long after its end (in event time) a window still accepts records, firing again for each. */
  long allowedLatenessMillis() default 0;

  /** Early firings: the window also fires every this many milliseconds of processing time while open. */
  long earlyFiringMillis() default 0;

  /** Count trigger: the window also fires each time this many records have reached it. */
  long countTrigger() default 0;
}
