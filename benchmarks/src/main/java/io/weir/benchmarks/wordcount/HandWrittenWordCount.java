package io.weir.benchmarks.wordcount;

import java.util.BitSet;
import java.util.HashMap;

/**
 * BASE: the word count in one plain loop with no framework, as the anchor's {@code baseWordCount}:
 * generate each line, split it on spaces, count in a {@code HashMap<String, long[]>}, and "emit"
 * (word, count) by tallying it the way the job's sink does.
 */
public final class HandWrittenWordCount {
  private final long seed;
  private final long lines;

  private long updates;
  private long emittedSum;
  private HashMap<String, long[]> counts;

  public HandWrittenWordCount(long seed, long lines) {
    this.seed = seed;
    this.lines = lines;
  }

  /** Runs the loop once and returns its wall time in nanoseconds. */
  public long run() {
    HashMap<String, long[]> table = new HashMap<>();
    long emitted = 0;
    long sum = 0;
    long start = System.nanoTime();
    for (long i = 0; i < lines; i++) {
      String line = ZipfLines.line(seed, i);
      int from = 0;
      while (true) {
        int space = line.indexOf(' ', from);
        String word = space < 0 ? line.substring(from) : line.substring(from, space);
        long[] count = table.get(word);
        if (count == null) {
          count = new long[1];
          table.put(word, count);
        }
        long n = ++count[0];
        emitted++; // "emit" (word, n)
        sum += n;
        if (space < 0) {
          break;
        }
        from = space + 1;
      }
    }
    long nanos = System.nanoTime() - start;
    this.counts = table;
    this.updates = emitted;
    this.emittedSum = sum;
    return nanos;
  }

  public long updates() {
    return updates;
  }

  /** Compares the final table with the expectation directly, plus the anchor's update totals. */
  public boolean passes(WordCountCheck check) {
    BitSet completed = new BitSet(ZipfLines.VOCABULARY + 1);
    for (int rank = 1; rank <= ZipfLines.VOCABULARY; rank++) {
      long[] count = counts.get(ZipfLines.word(rank));
      long expected = check.expected(rank);
      if (expected > 0 && count != null && count[0] == expected) {
        completed.set(rank);
      }
    }
    return counts.size() == check.distinctWords() && check.passes(updates, 0, emittedSum, completed);
  }
}
