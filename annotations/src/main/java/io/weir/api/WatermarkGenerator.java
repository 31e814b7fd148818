package io.weir.api;

/**
 * Computes a source instance's watermark from the records it emits: a promise that no record with
 * a timestamp at or below the watermark follows. Called on the source's task thread only; needs a
 * public no-argument constructor.
 *
 * @param <T> the type the source emits
 */
public interface WatermarkGenerator<T> {
  /** Sees every record the source emits, with the timestamp its {@link EventTime} method read. */
  void onEvent(T record, long timestamp);

  /**
   * The watermark now, asked for periodically; {@code Long.MIN_VALUE} when there is none yet. A
   * value below an earlier one is ignored: watermarks never go back.
   */
  long currentWatermark();
}
