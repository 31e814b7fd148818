package io.weir.benchmarks.wordcount;

import io.weir.api.OperatorContext;
import io.weir.api.Sink;
import java.util.BitSet;

/**
 * Discards the updates but keeps the anchor's O(1) bookkeeping per record for
 * {@link WordCountCheck}; at the end of its input it marks the time and adds its totals to
 * {@link RunTally}.
 */
@Sink(from = CountWords.class)
public final class CountingSink {
  private final BitSet completed = new BitSet(ZipfLines.VOCABULARY + 1);
  private WordCountCheck check;
  private long updates;
  private long overshoots;
  private long emittedSum;

  public void open(OperatorContext context) {
    check = RunTally.check();
  }

  public void write(WordCount update) {
    updates++;
    long count = update.count();
    emittedSum += count;
    int rank = ZipfLines.rankOf(update.word());
    long expected = check.expected(rank);
    if (count == expected) {
      completed.set(rank);
    } else if (count > expected) {
      overshoots++;
    }
  }

  /** Called once the input has ended (or the job failed, which the check then reports). */
  public void close() {
    RunTally.markEndOfInput(System.nanoTime());
    RunTally.publish(updates, overshoots, emittedSum, completed);
  }
}
