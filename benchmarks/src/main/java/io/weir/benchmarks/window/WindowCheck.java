package io.weir.benchmarks.window;

import java.util.Arrays;

/**
 * The anchor's W3 oracle: the per-key sum of every generated value, and the number of distinct
 * (key, window) pairs, which is the number of window results a correct job emits. A run passes when
 * the results' per-key sums equal the generated ones and their number equals the pairs'.
 */
public final class WindowCheck {
  private final long[] sumPerKey;
  private final long windowResults;
  private final long events;

  private WindowCheck(long[] sumPerKey, long windowResults, long events) {
    this.sumPerKey = sumPerKey;
    this.windowResults = windowResults;
    this.events = events;
  }

  /** The expectation for events {@code [0, events)} of {@code seed}. */
  public static WindowCheck forEvents(long seed, long events) {
    long[] sums = new long[WindowEvents.KEYS];
    long[] lastWindow = new long[WindowEvents.KEYS];
    Arrays.fill(lastWindow, -1);
    long pairs = 0;
    for (long e = 0; e < events; e++) {
      int key = WindowEvents.key(seed, e);
      sums[key] += WindowEvents.value(seed, e);
      long window = WindowEvents.time(e) / WindowEvents.WINDOW_MILLIS;
      if (lastWindow[key] != window) { // event time never decreases with e, so a new window is a new pair
        lastWindow[key] = window;
        pairs++;
      }
    }
    return new WindowCheck(sums, pairs, events);
  }

  public long events() {
    return events;
  }

  public long windowResults() {
    return windowResults;
  }

  public long sum(int key) {
    return sumPerKey[key];
  }

  /** Whether {@code results} window results summing to {@code sums} per key are exactly the expected output. */
  public boolean passes(long results, long[] sums) {
    return results == windowResults && Arrays.equals(sums, sumPerKey);
  }
}
