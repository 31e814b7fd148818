package io.weir.api;

/**
 * Time and timers of a {@link Keyed} operator, scoped to the key of the record being processed
 * (or of the timer firing). An operator receives it as a parameter of its input method,
 * {@code public void process(In in, TimerService timers, Emitter<Out> out)}, and of its
 * {@link OnTimer} method. Timers are part of the operator's keyed state: saved in snapshots,
 * restored with it, and a processing-time timer that came due while the job was down fires as
 * soon as the job is back. A key has at most one timer per timestamp and domain.
 */
public interface TimerService {
  /** The operator's current event-time watermark; {@code Long.MIN_VALUE} before the first. */
  long currentWatermark();

  /** The current processing time, in milliseconds since the epoch. */
  long currentProcessingTime();

  /** Fires {@link OnTimer} for the current key once the watermark reaches {@code timestamp}. */
  void registerEventTimeTimer(long timestamp);

  /** Removes the current key's event-time timer at {@code timestamp}, if any. */
  void deleteEventTimeTimer(long timestamp);

  /** Fires {@link OnTimer} for the current key once processing time reaches {@code timestamp}. */
  void registerProcessingTimeTimer(long timestamp);

  /** Removes the current key's processing-time timer at {@code timestamp}, if any. */
  void deleteProcessingTimeTimer(long timestamp);
}
