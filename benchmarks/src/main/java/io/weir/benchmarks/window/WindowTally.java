package io.weir.benchmarks.window;

import java.util.concurrent.atomic.AtomicLong;

/**
 * JVM-wide meeting point of the W3 driver and the job's subtasks, as the anchor's {@code Stats}:
 * the embedded runtime runs every subtask in this JVM. The driver installs the expectation before
 * the job; sources mark their first record, sinks their end of input and add their totals once.
 */
public final class WindowTally {
  private static volatile WindowCheck check;
  private static final AtomicLong firstSourceNanos = new AtomicLong(Long.MAX_VALUE);
  private static final AtomicLong lastSinkNanos = new AtomicLong(Long.MIN_VALUE);

  // guarded by WindowTally.class
  private static long results;
  private static final long[] sums = new long[WindowEvents.KEYS];

  private WindowTally() {}

  /** Clears every figure and sets what the next run must produce. */
  public static synchronized void reset(WindowCheck expectation) {
    check = expectation;
    firstSourceNanos.set(Long.MAX_VALUE);
    lastSinkNanos.set(Long.MIN_VALUE);
    results = 0;
    java.util.Arrays.fill(sums, 0);
  }

  /** The expectation of the current run; fails if the driver installed none. */
  public static WindowCheck check() {
    WindowCheck c = check;
    if (c == null) {
      throw new IllegalStateException("no expectation installed: run the job through WindowBenchmark");
    }
    return c;
  }

  public static void markFirstRecord(long nanos) {
    firstSourceNanos.accumulateAndGet(nanos, Math::min);
  }

  public static void markEndOfInput(long nanos) {
    lastSinkNanos.accumulateAndGet(nanos, Math::max);
  }

  /** Adds one sink subtask's totals. */
  public static synchronized void publish(long sinkResults, long[] sinkSums) {
    results += sinkResults;
    for (int k = 0; k < sums.length; k++) {
      sums[k] += sinkSums[k];
    }
  }

  /** First source record to last sink end of input, in seconds; NaN if either is missing. */
  public static double intervalSeconds() {
    long first = firstSourceNanos.get();
    long last = lastSinkNanos.get();
    return first == Long.MAX_VALUE || last == Long.MIN_VALUE ? Double.NaN : (last - first) / 1e9;
  }

  public static synchronized long results() {
    return results;
  }

  /** Whether the published totals are exactly the expected output. */
  public static synchronized boolean passes() {
    return check().passes(results, sums);
  }
}
