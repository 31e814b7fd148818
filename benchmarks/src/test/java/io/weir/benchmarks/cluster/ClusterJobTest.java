package io.weir.benchmarks.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.benchmarks.wordcount.ZipfLines;
import io.weir.runtime.local.LocalCluster;
import io.weir.runtime.local.RunOptions;
import io.weir.runtime.plan.JobCatalog;
import io.weir.runtime.plan.JobPlan;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The multi-process W1 variant on the embedded runtime, small input: its subtasks' report lines
 * combine into a passing check, and lost, duplicated or wrong lines fail it.
 */
@Timeout(120)
class ClusterJobTest {
  private static final long LINES = 30_000;

  /** Runs w1-cluster at {@code parallelism} over {@code lines} lines and returns what its subtasks printed. */
  private static List<String> run(int parallelism, long lines, String run) {
    JobPlan plan = JobCatalog.load(ClusterJobTest.class.getClassLoader()).job(ClusterLines.JOB);
    PrintStream original = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      new LocalCluster().run(plan, RunOptions.builder()
          .parallelism(parallelism)
          .parameters("--lines", Long.toString(lines), "--seed", "42", "--run", run)
          .build()).orThrow();
    } finally {
      System.setOut(original);
    }
    return printed.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith(SubtaskReport.PREFIX)).toList();
  }

  @Test
  void theSubtasksLinesAddUpToTheWholeCheck() {
    List<String> lines = run(2, LINES, "r1");
    assertEquals(4, lines.size(), String.join("\n", lines));
    RunSummary.Combined combined = RunSummary.combine(lines, "r1", 2);
    assertTrue(combined.ok(), combined.why());
    assertEquals(LINES * ZipfLines.WORDS_PER_LINE, combined.records());
    assertEquals(LINES * ZipfLines.WORDS_PER_LINE, combined.sinkRecords());
    assertTrue(combined.intervalSeconds() > 0, "both ends of the interval were marked");
    assertTrue(combined.resultLine("X", "").contains(" check=OK"));
    // lines of another run, or for another parallelism, do not count
    assertFalse(RunSummary.combine(lines, "r2", 2).ok());
    assertFalse(RunSummary.combine(lines, "r1", 4).ok());
  }

  @Test
  void aMissingDuplicatedOrAlteredLineFailsTheCheck() {
    List<String> lines = run(2, LINES, "r3");
    List<String> sinks = lines.stream().filter(l -> l.contains("role=sink")).toList();
    List<String> withoutOneSink = new ArrayList<>(lines);
    withoutOneSink.remove(sinks.get(0));
    assertFalse(RunSummary.combine(withoutOneSink, "r3", 2).ok());

    List<String> duplicated = new ArrayList<>(lines);
    duplicated.add(sinks.get(1));
    assertFalse(RunSummary.combine(duplicated, "r3", 2).ok());

    // one update fewer in a sink's totals (as if its own check had been fooled)
    String sink = sinks.get(0);
    long updates = Long.parseLong(SubtaskReport.parse(sink).get("updates"));
    List<String> altered = new ArrayList<>(lines);
    altered.set(altered.indexOf(sink), sink.replace(" updates=" + updates + " ", " updates=" + (updates - 1) + " "));
    RunSummary.Combined combined = RunSummary.combine(altered, "r3", 2);
    assertFalse(combined.ok());
    assertTrue(combined.why().contains("sinks saw"), combined.why());
  }

  @Test
  void aSinkChecksTheWordsItSawAgainstTheOracle() {
    long[] expected = ZipfLines.expectedCounts(42, 100);
    int rank = 1; // the most frequent word occurs in 100 lines of 10 Zipf words
    assertTrue(expected[rank] > 2);
    CheckingSink complete = sinkFed(expected, rank, expected[rank]);
    assertTrue(complete.report(1, 1, expected).endsWith("check=OK"));

    CheckingSink lostOne = sinkFed(expected, rank, expected[rank] - 1);
    String report = lostOne.report(1, 1, expected);
    assertTrue(report.endsWith("check=FAIL") && report.contains(" short_words=1 "), report);

    CheckingSink repeated = sinkFed(expected, rank, expected[rank]);
    repeated.write(new io.weir.benchmarks.wordcount.WordCount(ZipfLines.word(rank), expected[rank] + 1));
    report = repeated.report(1, 1, expected);
    assertTrue(report.endsWith("check=FAIL") && report.contains(" overshoot_words=1 "), report);
  }

  /** A sink opened for 100 lines of seed 42 that got the counts 1..upTo of one word. */
  private static CheckingSink sinkFed(long[] expected, int rank, long upTo) {
    CheckingSink sink = new CheckingSink();
    sink.open(new io.weir.api.OperatorContext() {
      public String jobName() { return ClusterLines.JOB; }
      public String operatorName() { return "CheckingSink"; }
      public int subtaskIndex() { return 0; }
      public int parallelism() { return 1; }
      public io.weir.api.JobParameters parameters() { return io.weir.api.JobParameters.of("--lines", "100"); }
    });
    for (long count = 1; count <= upTo; count++) {
      sink.write(new io.weir.benchmarks.wordcount.WordCount(ZipfLines.word(rank), count));
    }
    return sink;
  }
}
