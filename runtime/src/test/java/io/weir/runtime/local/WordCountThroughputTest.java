package io.weir.runtime.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weir.runtime.fixtures.LambdaInvoker;
import io.weir.runtime.fixtures.WordCount;
import io.weir.runtime.fixtures.WordCountJob;
import java.util.HashMap;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A sanity figure, printed and never asserted: word count at parallelism 1 through the runtime
 * against the same work as a hand-written single-threaded loop. Set -Dweir.throughputLines to run longer.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class WordCountThroughputTest {
  private static final long LINES = Long.getLong("weir.throughputLines", 1_000_000);

  @Test
  void printsWordCountThroughputAtParallelismOne() {
    long words = WordCountJob.oracle(4096).values().stream().mapToLong(Long::longValue).sum() * LINES / 4096;
    double loop = 0;
    double chained = 0;
    double network = 0;
    double two = 0;
    for (int round = 0; round < 3; round++) { // the best of three rounds; the first warms up the JIT
      loop = Math.max(loop, handWritten(LINES));
      chained = Math.max(chained, run(LINES, 1, true));
      network = Math.max(network, run(LINES, 1, false));
      two = Math.max(two, run(LINES, 2, true));
    }
    System.out.printf(Locale.ROOT,
        "word count p=1, %,d lines (~%,d words): hand-written loop %.2fM words/s; runtime, one thread %.2fM words/s (%.0f%%);"
            + " runtime, keyed exchange over the network %.2fM words/s (%.0f%%); p=2: %.2fM words/s (%.2fx p=1)%n",
        LINES, words, loop / 1e6, chained / 1e6, 100 * chained / loop, network / 1e6, 100 * network / loop, two / 1e6, two / chained);
  }

  /** Words per second through the runtime. */
  private static double run(long lines, int parallelism, boolean chainSingle) {
    LongAdder sum = new LongAdder(); // shared by the sink instances at p > 1
    RunOptions options = RunOptions.builder().parallelism(parallelism).chainSingleInstanceExchanges(chainSingle)
        .parameters("--lines", Long.toString(lines)).build();
    long start = System.nanoTime();
    JobResult result = new LocalCluster().run(WordCountJob.plan("wc", 1, LambdaInvoker.of((instance, input, record, out) -> {
      sum.add(((WordCount) record).count());
    })), options).orThrow();
    long nanos = System.nanoTime() - start;
    assertEquals(result.vertex("Tokenize").recordsOut(), result.vertex("Sink").recordsIn());
    return result.vertex("Sink").recordsIn() / (nanos / 1e9);
  }

  /** The same work in one loop: tokenize, count in a hash map, build the running count. */
  private static double handWritten(long lines) {
    HashMap<String, Long> counts = new HashMap<>();
    long words = 0;
    long sum = 0;
    long start = System.nanoTime();
    for (long i = 0; i < lines; i++) {
      String line = WordCountJob.line(i);
      int from = 0;
      while (true) {
        int space = line.indexOf(' ', from);
        String word = space < 0 ? line.substring(from) : line.substring(from, space);
        Long seen = counts.get(word);
        long now = seen == null ? 1 : seen + 1;
        counts.put(word, now);
        sum += new WordCount(word, now).count();
        words++;
        if (space < 0) {
          break;
        }
        from = space + 1;
      }
    }
    long nanos = System.nanoTime() - start;
    if (sum == 42) {
      System.out.println(); // keeps the loop's results alive
    }
    return words / (nanos / 1e9);
  }
}
