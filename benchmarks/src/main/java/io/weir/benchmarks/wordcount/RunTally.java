package io.weir.benchmarks.wordcount;

import java.util.BitSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * JVM-wide meeting point of the driver and the job's subtasks, as the anchor's {@code Stats}: the
 * embedded runtime runs every subtask in this JVM, so statics are shared. The driver installs the
 * expectation before the job starts; sources mark the first record, sinks mark their end of input
 * and add their totals once.
 */
public final class RunTally {
  private static volatile WordCountCheck check;
  private static final AtomicLong firstSourceNanos = new AtomicLong(Long.MAX_VALUE);
  private static final AtomicLong lastSinkNanos = new AtomicLong(Long.MIN_VALUE);

  // guarded by RunTally.class
  private static long updates;
  private static long overshoots;
  private static long emittedSum;
  private static final BitSet completedWords = new BitSet(ZipfLines.VOCABULARY + 1);

  private RunTally() {}

  /** Clears every figure and sets what the next run must produce. */
  public static synchronized void reset(WordCountCheck expectation) {
    check = expectation;
    firstSourceNanos.set(Long.MAX_VALUE);
    lastSinkNanos.set(Long.MIN_VALUE);
    updates = 0;
    overshoots = 0;
    emittedSum = 0;
    completedWords.clear();
  }

  /** The expectation of the current run; fails if the driver installed none. */
  public static WordCountCheck check() {
    WordCountCheck c = check;
    if (c == null) {
      throw new IllegalStateException("no expectation installed: run the job through WordCountBenchmark");
    }
    return c;
  }

  /** A source subtask is about to produce its first record. */
  public static void markFirstRecord(long nanos) {
    firstSourceNanos.accumulateAndGet(nanos, Math::min);
  }

  /** A sink subtask has reached the end of its input. */
  public static void markEndOfInput(long nanos) {
    lastSinkNanos.accumulateAndGet(nanos, Math::max);
  }

  /** Adds one sink subtask's totals. */
  public static synchronized void publish(long sinkUpdates, long sinkOvershoots, long sinkSum, BitSet sinkCompleted) {
    updates += sinkUpdates;
    overshoots += sinkOvershoots;
    emittedSum += sinkSum;
    completedWords.or(sinkCompleted);
  }

  /** First source record to last sink end of input, in seconds; NaN if either is missing. */
  public static double intervalSeconds() {
    long first = firstSourceNanos.get();
    long last = lastSinkNanos.get();
    return first == Long.MAX_VALUE || last == Long.MIN_VALUE ? Double.NaN : (last - first) / 1e9;
  }

  public static synchronized long updates() {
    return updates;
  }

  /** Whether the published totals are exactly the expected output. */
  public static synchronized boolean passes() {
    return check().passes(updates, overshoots, emittedSum, completedWords);
  }
}
