package io.weir.benchmarks.cluster;

import io.weir.benchmarks.wordcount.ZipfLines;

/**
 * The oracle's final count per word rank, computed once per class loader for the last (seed,
 * lines) asked: the sinks of one process share it instead of each generating every line again.
 */
final class ExpectedCounts {
  private static long cachedSeed;
  private static long cachedLines = -1;
  private static long[] cached;

  private ExpectedCounts() {}

  /** Final counts by rank for lines {@code [0, lines)} of seed {@code seed}; shared: read only. */
  static synchronized long[] of(long seed, long lines) {
    if (cached == null || cachedSeed != seed || cachedLines != lines) {
      cached = ZipfLines.expectedCounts(seed, lines);
      cachedSeed = seed;
      cachedLines = lines;
    }
    return cached;
  }
}
