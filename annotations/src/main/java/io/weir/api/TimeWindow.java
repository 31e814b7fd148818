package io.weir.api;

/**
 * A window of time, {@code [start, end)} in milliseconds: records with timestamps from
 * {@code start} up to {@code end - 1} belong to it.
 */
public record TimeWindow(long start, long end) {
  public TimeWindow {
    if (end <= start) {
      throw new IllegalArgumentException("window end " + end + " must be after its start " + start);
    }
  }

  /** The last timestamp in the window; an event-time window fires when the watermark reaches it. */
  public long maxTimestamp() {
    return end - 1;
  }
}
