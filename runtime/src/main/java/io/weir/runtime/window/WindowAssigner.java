package io.weir.runtime.window;

/**
 * Which windows a timestamp falls into: tumbling and sliding windows are aligned to the epoch
 * (a window starts at a multiple of the slide), session windows start at the record and are
 * merged with the key's overlapping sessions by {@link WindowRunner}.
 */
public final class WindowAssigner {
  private final long size;
  private final long slide;
  private final boolean session;

  private WindowAssigner(long size, long slide, boolean session) {
    this.size = size;
    this.slide = slide;
    this.session = session;
  }

  public static WindowAssigner tumbling(long sizeMillis) {
    return sliding(sizeMillis, sizeMillis);
  }

  public static WindowAssigner sliding(long sizeMillis, long slideMillis) {
    if (sizeMillis <= 0 || slideMillis <= 0 || slideMillis > sizeMillis) {
      throw new IllegalArgumentException("need 0 < slide <= size, got size " + sizeMillis + " and slide " + slideMillis);
    }
    return new WindowAssigner(sizeMillis, slideMillis, false);
  }

  public static WindowAssigner session(long gapMillis) {
    if (gapMillis <= 0) {
      throw new IllegalArgumentException("session gap must be positive, got " + gapMillis);
    }
    return new WindowAssigner(gapMillis, gapMillis, true);
  }

  public boolean isSession() {
    return session;
  }

  /** Window length, or the session gap. */
  public long size() {
    return size;
  }

  /** The distance between window starts; the gap for sessions. */
  long slide() {
    return slide;
  }

  /** The start of the latest window containing {@code timestamp}; for sessions, the timestamp itself. */
  long lastStart(long timestamp) {
    return session ? timestamp : timestamp - Math.floorMod(timestamp, slide);
  }

  /** The start of the next earlier window containing the same timestamps, for iterating sliding windows. */
  long previousStart(long start) {
    return start - slide;
  }
}
