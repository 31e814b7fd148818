package io.weir.runtime.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.runtime.fixtures.LambdaInvoker;
import io.weir.runtime.fixtures.Received;
import io.weir.runtime.fixtures.WordCount;
import io.weir.runtime.fixtures.WordCountJob;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WordCountTest {
  private static final long LINES = 20_000;

  @ParameterizedTest(name = "parallelism {0}, chain single-instance exchanges {1}")
  @CsvSource({"1, true", "1, false", "2, true", "4, true"})
  void countsEveryWordExactlyAtAnyParallelism(int parallelism, boolean chainSingle) {
    ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    RunOptions options = RunOptions.builder().parallelism(parallelism).chainSingleInstanceExchanges(chainSingle)
        .parameters("--lines", Long.toString(LINES)).build();

    JobResult result = new LocalCluster().run(WordCountJob.plan("wc", 1, LambdaInvoker.collect(received)), options).orThrow();

    Map<String, Long> oracle = WordCountJob.oracle(LINES);
    long words = oracle.values().stream().mapToLong(Long::longValue).sum();
    Map<String, Long> finalCounts = new HashMap<>();
    Map<String, Integer> subtaskOfWord = new HashMap<>();
    for (Received r : received) {
      WordCount wc = (WordCount) r.record();
      finalCounts.merge(wc.word(), wc.count(), Math::max);
      Integer previous = subtaskOfWord.put(wc.word(), r.subtask());
      assertTrue(previous == null || previous == r.subtask(), "word " + wc.word() + " counted in two subtasks");
    }
    assertEquals(oracle, finalCounts);
    assertEquals(words, received.size(), "one running count per word occurrence");

    assertEquals(LINES, result.vertex("Lines").recordsOut());
    assertEquals(LINES, result.vertex("Tokenize").recordsIn());
    assertEquals(words, result.vertex("Tokenize").recordsOut());
    assertEquals(words, result.vertex("Count").recordsIn());
    assertEquals(words, result.vertex("Count").recordsOut());
    assertEquals(words, result.vertex("Sink").recordsIn());
    assertEquals(0, result.vertex("Sink").recordsOut());
    assertEquals(parallelism, result.vertex("Count").parallelism());
    assertEquals(parallelism, result.vertex("Count").subtasks().size());
    assertEquals(JobStatus.FINISHED, result.status());
    assertTrue(result.failure() == null);
  }

  @ParameterizedTest(name = "parallelism {0}")
  @CsvSource({"1, true, 'Lines -> Tokenize -> Count -> Sink (1/1)'", "1, false, 'Count -> Sink (1/1)'",
      "3, true, 'Count -> Sink (1/3)|Count -> Sink (2/3)|Count -> Sink (3/3)'"})
  void chainsForwardEdgesIntoOneThread(int parallelism, boolean chainSingle, String expectedThreads) {
    ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    RunOptions options = RunOptions.builder().parallelism(parallelism).chainSingleInstanceExchanges(chainSingle).build();

    new LocalCluster().run(WordCountJob.plan("wc", 1, LambdaInvoker.collect(received)), options).orThrow();

    Set<String> threads = new TreeSet<>();
    received.forEach(r -> threads.add(r.thread()));
    assertEquals(new TreeSet<>(Set.of(expectedThreads.split("\\|"))), threads);
  }
}
