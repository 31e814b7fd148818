package io.weir.benchmarks.wordcount;

import java.util.BitSet;

/**
 * The anchor's correctness check of a running word count, with O(1) work per emitted update.
 * A word seen n times is emitted with counts 1, 2, ..., n, so a correct run emits exactly one
 * update per word occurrence, every word's last update equals its total, none exceeds it, and the
 * emitted counts sum to the sum over words of n(n+1)/2 (which catches lost or repeated updates).
 */
public final class WordCountCheck {
  private final long[] expected;
  private final BitSet words = new BitSet(ZipfLines.VOCABULARY + 1);
  private final long occurrences;
  private final long sumOfCounts;

  private WordCountCheck(long[] expected) {
    this.expected = expected;
    long total = 0;
    long sum = 0;
    for (int rank = 1; rank < expected.length; rank++) {
      long n = expected[rank];
      if (n > 0) {
        words.set(rank);
        total += n;
        sum += n * (n + 1) / 2;
      }
    }
    this.occurrences = total;
    this.sumOfCounts = sum;
  }

  /** The expectation for lines {@code [0, lines)} of {@link ZipfLines} with {@code seed}. */
  public static WordCountCheck forLines(long seed, long lines) {
    return new WordCountCheck(ZipfLines.expectedCounts(seed, lines));
  }

  /** Final count of the word of {@code rank}; 0 for a word that never occurs. */
  public long expected(int rank) {
    return expected[rank];
  }

  /** The final counts by rank; shared, not copied: read only. */
  long[] expectedByRank() {
    return expected;
  }

  public int distinctWords() {
    return words.cardinality();
  }

  public long occurrences() {
    return occurrences;
  }

  /** Whether what the sinks saw in total is exactly a correct run's output. */
  public boolean passes(long updates, long overshoots, long emittedSum, BitSet completedWords) {
    return updates == occurrences && overshoots == 0 && emittedSum == sumOfCounts && completedWords.equals(words);
  }
}
