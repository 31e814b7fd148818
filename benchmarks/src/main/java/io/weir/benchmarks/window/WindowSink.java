package io.weir.benchmarks.window;

import io.weir.api.OperatorContext;
import io.weir.api.Sink;

/**
 * Discards the window results but keeps the anchor's bookkeeping (a count and a sum per key); at
 * the end of its input it marks the time and adds its totals to {@link WindowTally}.
 */
@Sink(from = SumPerSecond.class)
public final class WindowSink {
  private final long[] sums = new long[WindowEvents.KEYS];
  private long results;

  public void open(OperatorContext context) {
    WindowTally.check(); // fail early when no expectation is installed
  }

  public void write(Event sum) {
    results++;
    sums[sum.key()] += sum.value();
  }

  /** Called once the input has ended (or the job failed, which the check then reports). */
  public void close() {
    WindowTally.markEndOfInput(System.nanoTime());
    WindowTally.publish(results, sums);
  }
}
