package io.weir.benchmarks.window;

import java.util.HashMap;
import java.util.Map;

/**
 * BASE-window: W3 in one plain loop with no framework, as the anchor's {@code baseWindow}: generate
 * each event, sum it into a {@code HashMap<Integer, long[]>} of the current one-second window, and
 * when the event-time second changes "emit" every key's sum (tallied as the job's sink does).
 */
public final class HandWrittenWindow {
  private final long seed;
  private final long events;
  private final long[] sums = new long[WindowEvents.KEYS];
  private long results;

  public HandWrittenWindow(long seed, long events) {
    this.seed = seed;
    this.events = events;
  }

  /** Runs the loop once and returns its wall time in nanoseconds. */
  public long run() {
    HashMap<Integer, long[]> open = new HashMap<>();
    long current = Long.MIN_VALUE;
    long start = System.nanoTime();
    for (long e = 0; e < events; e++) {
      int key = WindowEvents.key(seed, e);
      long value = WindowEvents.value(seed, e);
      long window = WindowEvents.time(e) / WindowEvents.WINDOW_MILLIS;
      if (window != current) {
        fire(open);
        current = window;
      }
      long[] sum = open.get(key);
      if (sum == null) {
        sum = new long[1];
        open.put(key, sum);
      }
      sum[0] += value;
    }
    fire(open);
    return System.nanoTime() - start;
  }

  private void fire(HashMap<Integer, long[]> open) {
    for (Map.Entry<Integer, long[]> window : open.entrySet()) {
      results++;
      sums[window.getKey()] += window.getValue()[0];
    }
    open.clear();
  }

  public long results() {
    return results;
  }

  public boolean passes(WindowCheck check) {
    return check.passes(results, sums);
  }
}
