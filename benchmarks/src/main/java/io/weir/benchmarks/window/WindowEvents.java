package io.weir.benchmarks.window;

import io.weir.benchmarks.wordcount.ZipfLines;

/**
 * W3's events, reimplementing the Flink anchor's window generator function for function: event
 * {@code e} has a key uniform over {@link #KEYS} keys, a value in 1..100 (both SplitMix64 hashes of
 * the seed and {@code e}) and event time {@code e / 100} ms, so 100,000 events per event-time
 * second and about ten per key per one-second window. Every event is a pure function of
 * (seed, e), so the events are the same at every parallelism.
 */
public final class WindowEvents {
  public static final int KEYS = 10_000;
  /** Event {@code e} happens at {@code e / EVENTS_PER_MILLI} ms. */
  public static final long EVENTS_PER_MILLI = 100;
  /** W3's tumbling window. */
  public static final long WINDOW_MILLIS = 1_000;

  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
  private static final long KEY_SALT = 0x1234567L;
  private static final long VALUE_SALT = 0x7654321L;

  private WindowEvents() {}

  /** Key of event {@code e}, in 0..KEYS-1. */
  public static int key(long seed, long e) {
    long hash = ZipfLines.splitMix64(seed * 31 + ZipfLines.splitMix64(e * GOLDEN_GAMMA + KEY_SALT));
    return (int) ((hash >>> 1) % KEYS);
  }

  /** Value of event {@code e}, in 1..100. */
  public static long value(long seed, long e) {
    long hash = ZipfLines.splitMix64(seed * 17 + ZipfLines.splitMix64(e * GOLDEN_GAMMA + VALUE_SALT));
    return 1 + ((hash >>> 40) % 100);
  }

  /** Event time of event {@code e}, in milliseconds. */
  public static long time(long e) {
    return e / EVENTS_PER_MILLI;
  }

  /** Event {@code e} as a record. */
  public static Event event(long seed, long e) {
    return new Event(key(seed, e), value(seed, e), time(e));
  }

  /**
   * The anchor's mapping of a sequence number {@code s} in {@code [0, n)} to an event index, for a
   * sequence split into {@code p} equal contiguous shares: share {@code i} produces events
   * {@code i, i + p, i + 2p, ...}, so every share walks through event time at the same pace and the
   * event set is that of p=1. A bijection on {@code [0, n)} when {@code n % p == 0}.
   */
  public static long eventIndex(long s, long n, int p) {
    long share = n / p;
    return (s % share) * p + s / share;
  }

  /** The events of a run, rounded as the anchor rounds them: a multiple of 2 and of {@code p}. */
  public static long roundedEvents(long events, int p) {
    long n = events - events % 2;
    return n - n % p;
  }
}
