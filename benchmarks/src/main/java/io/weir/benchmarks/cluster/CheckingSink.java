package io.weir.benchmarks.cluster;

import io.weir.api.OperatorContext;
import io.weir.api.Sink;
import io.weir.benchmarks.wordcount.WordCount;
import io.weir.benchmarks.wordcount.ZipfLines;

/**
 * W1's sink for multi-process runs. Per record it does O(1) bookkeeping like the anchor's sink
 * (count of updates, sum of emitted counts, highest count per word), but needs no oracle while
 * records flow: at its end of input it takes the time first, then checks what it saw against the
 * oracle and prints one {@link SubtaskReport} sink line. Each word goes to exactly one sink
 * subtask, so the lines of all subtasks add up to the whole job's check.
 */
@Sink(from = ClusterCount.class)
public final class CheckingSink {
  private final long[] highest = new long[ZipfLines.VOCABULARY + 1];
  private long updates;
  private long emittedSum;
  private String run = "-";
  private int subtask;
  private int parallelism = 1;
  private long seed = ZipfLines.DEFAULT_SEED;
  private long lines = -1;

  public void open(OperatorContext context) {
    run = context.parameters().get("run", "-");
    subtask = context.subtaskIndex();
    parallelism = context.parallelism();
    seed = context.parameters().getLong("seed", ZipfLines.DEFAULT_SEED);
    lines = context.parameters().getLong("lines", -1);
  }

  public void write(WordCount update) {
    updates++;
    long count = update.count();
    emittedSum += count;
    int rank = ZipfLines.rankOf(update.word());
    if (count > highest[rank]) {
      highest[rank] = count;
    }
  }

  /** Called once the input has ended (or the job failed, in which case the check fails). */
  public void close() {
    long endNanos = System.nanoTime();
    long endEpochMicros = SubtaskReport.epochMicros();
    System.out.println(report(endNanos, endEpochMicros, ExpectedCounts.of(seed, lines)));
    System.out.flush();
  }

  /**
   * This subtask's line: its totals, and whether every word it saw reached exactly its expected
   * count (none short, none beyond), its updates equal those words' totals and its emitted counts
   * sum to their n(n+1)/2; plus the oracle's totals over all words, for the combination.
   */
  String report(long endNanos, long endEpochMicros, long[] expected) {
    long words = 0;
    long shortWords = 0;
    long overshootWords = 0;
    long expectedUpdates = 0;
    long expectedSum = 0;
    long totalUpdates = 0;
    long totalSum = 0;
    long totalWords = 0;
    for (int rank = 1; rank < expected.length; rank++) {
      long n = expected[rank];
      if (n > 0) {
        totalWords++;
        totalUpdates += n;
        totalSum += n * (n + 1) / 2;
      }
      long seen = highest[rank];
      if (seen > 0) {
        words++;
        expectedUpdates += n;
        expectedSum += n * (n + 1) / 2;
        if (seen < n) {
          shortWords++;
        } else if (seen > n) {
          overshootWords++;
        }
      }
    }
    boolean ok = lines >= 0 && shortWords == 0 && overshootWords == 0 && updates == expectedUpdates
        && emittedSum == expectedSum;
    return SubtaskReport.sink(run, subtask, parallelism, endNanos, endEpochMicros, updates, emittedSum, words,
        shortWords, overshootWords, totalUpdates, totalSum, totalWords, ok);
  }
}
