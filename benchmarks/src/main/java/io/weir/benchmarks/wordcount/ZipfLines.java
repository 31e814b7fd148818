package io.weir.benchmarks.wordcount;

/**
 * The word-count input of the Flink anchor benchmark ({@code shared/anchors/flink-bench}, W1),
 * reimplemented function for function so both frameworks count the same words: line {@code i} is
 * ten words, word {@code j} of it drawn from a Zipf(1.0) law over {@code "w1".."w10000"} through a
 * 2^20-slot inverse-CDF table, indexed by a SplitMix64 hash of (seed, line, position). Every line is
 * a pure function of (seed, index), so any split of the index range yields the same words.
 *
 * <p>Every constant and every floating-point step (including the evaluation order of the table's
 * slot midpoints) must stay as it is: changing one changes the words and breaks the comparison.
 * {@code ZipfLinesTest} pins lines checked against the anchor's own generator.
 */
public final class ZipfLines {
  public static final long DEFAULT_SEED = 42L;
  public static final int VOCABULARY = 10_000;
  public static final int WORDS_PER_LINE = 10;

  private static final double ZIPF_EXPONENT = 1.0;
  private static final int TABLE_BITS = 20;
  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  /** WORD[rank] = "w" + rank for rank 1..VOCABULARY; slot 0 is unused. */
  private static final String[] WORD = new String[VOCABULARY + 1];

  /** Uniform 20-bit slot to Zipf rank; ranks up to 10,000 fit a short. */
  private static final short[] RANK_OF_SLOT = new short[1 << TABLE_BITS];

  static {
    for (int rank = 1; rank <= VOCABULARY; rank++) {
      WORD[rank] = "w" + rank;
    }
    double[] cumulative = new double[VOCABULARY + 1];
    double total = 0;
    for (int rank = 1; rank <= VOCABULARY; rank++) {
      total += 1.0 / Math.pow(rank, ZIPF_EXPONENT);
      cumulative[rank] = total;
    }
    int slots = 1 << TABLE_BITS;
    int rank = 1;
    for (int slot = 0; slot < slots; slot++) {
      double target = (slot + 0.5) / slots * total; // the slot's midpoint on the CDF's scale
      while (cumulative[rank] < target) {
        rank++;
      }
      RANK_OF_SLOT[slot] = (short) rank;
    }
  }

  private ZipfLines() {}

  /** The SplitMix64 finalizer: a bijective 64-bit mix. */
  public static long splitMix64(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Zipf rank, in 1..VOCABULARY, of word {@code position} (0..9) of line {@code line}. */
  public static int rank(long seed, long line, int position) {
    long hash = splitMix64(seed ^ splitMix64(line * GOLDEN_GAMMA + position + 1));
    return RANK_OF_SLOT[(int) (hash >>> (64 - TABLE_BITS))];
  }

  /** The word of a rank: {@code "w" + rank}, one shared instance per rank. */
  public static String word(int rank) {
    return WORD[rank];
  }

  /** Line {@code index}: its ten words separated by single spaces. */
  public static String line(long seed, long index) {
    StringBuilder text = new StringBuilder(64);
    for (int position = 0; position < WORDS_PER_LINE; position++) {
      if (position > 0) {
        text.append(' ');
      }
      text.append(WORD[rank(seed, index, position)]);
    }
    return text.toString();
  }

  /** The rank of a word {@code "w<rank>"}, read back from its digits (no hashing). */
  public static int rankOf(String word) {
    return Integer.parseInt(word, 1, word.length(), 10);
  }

  /** How often each rank occurs in lines {@code [0, lines)}: the final count of each word. */
  public static long[] expectedCounts(long seed, long lines) {
    long[] counts = new long[VOCABULARY + 1];
    for (long line = 0; line < lines; line++) {
      for (int position = 0; position < WORDS_PER_LINE; position++) {
        counts[rank(seed, line, position)]++;
      }
    }
    return counts;
  }
}
