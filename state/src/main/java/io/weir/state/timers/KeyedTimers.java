package io.weir.state.timers;

import io.weir.api.TimeDomain;
import io.weir.api.TimerService;

/**
 * The {@link TimerService} of one keyed operator instance: event-time and processing-time timer
 * queues, the current watermark, and the processing-time clock. Registering and deleting act on
 * the backend's current key; the task thread advances the watermark and processing time, which
 * fires due timers through a {@link TimerCallback}. Single-threaded, like the backend.
 */
public final class KeyedTimers implements TimerService {
  private final TimerKeyedStateBackend backend;
  private final TimerQueue eventTime;
  private final TimerQueue processingTime;
  private final Clock clock;
  private long watermark = Long.MIN_VALUE;
  private long snapshotEpoch;

  /** Processing time source; the runtime uses the wall clock, tests a clock they move by hand. */
  @FunctionalInterface
  public interface Clock {
    long millis();
  }

  KeyedTimers(TimerKeyedStateBackend backend, TimerQueue eventTime, TimerQueue processingTime, Clock clock) {
    this.backend = backend;
    this.eventTime = eventTime;
    this.processingTime = processingTime;
    this.clock = clock;
  }

  @Override
  public long currentWatermark() {
    return watermark;
  }

  @Override
  public long currentProcessingTime() {
    return clock.millis();
  }

  @Override
  public void registerEventTimeTimer(long timestamp) {
    eventTime.register(timestamp, currentKey(), backend.currentKeyGroup());
  }

  @Override
  public void deleteEventTimeTimer(long timestamp) {
    eventTime.delete(timestamp, currentKey(), backend.currentKeyGroup());
  }

  @Override
  public void registerProcessingTimeTimer(long timestamp) {
    processingTime.register(timestamp, currentKey(), backend.currentKeyGroup());
  }

  @Override
  public void deleteProcessingTimeTimer(long timestamp) {
    processingTime.delete(timestamp, currentKey(), backend.currentKeyGroup());
  }

  private Object currentKey() {
    Object key = backend.currentKey();
    if (key == null) {
      throw new IllegalStateException("timers are scoped to a key: use them while processing a record or a timer");
    }
    return key;
  }

  /**
   * Moves the watermark to {@code newWatermark} (never back) and fires every event-time timer at
   * or before it, earliest first.
   */
  public void advanceWatermark(long newWatermark, TimerCallback callback) throws Exception {
    if (newWatermark <= watermark) {
      return;
    }
    watermark = newWatermark;
    eventTime.fireUpTo(newWatermark, backend::setCurrentKey, callback);
  }

  /** Fires every processing-time timer at or before the clock's current time. */
  public void advanceProcessingTime(TimerCallback callback) throws Exception {
    processingTime.fireUpTo(clock.millis(), backend::setCurrentKey, callback);
  }

  /** When the earliest processing-time timer is due, or {@code Long.MAX_VALUE} when none is set. */
  public long nextProcessingTime() {
    return processingTime.nextTimestamp();
  }

  /** When the earliest event-time timer is due, or {@code Long.MAX_VALUE} when none is set. */
  public long nextEventTime() {
    return eventTime.nextTimestamp();
  }

  /**
   * How many snapshots the backend has started. State kept as mutable objects (window
   * accumulators) is copied before its first change in a new epoch, so a heap snapshot being
   * written never sees it change.
   */
  public long snapshotEpoch() {
    return snapshotEpoch;
  }

  void snapshotStarted() {
    snapshotEpoch++;
  }

  /** Number of timers set in {@code domain}, over all keys. */
  public int timerCount(TimeDomain domain) {
    return domain == TimeDomain.EVENT_TIME ? eventTime.size() : processingTime.size();
  }
}
