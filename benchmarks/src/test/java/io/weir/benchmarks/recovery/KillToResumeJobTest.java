package io.weir.benchmarks.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.benchmarks.wordcount.ZipfLines;
import io.weir.runtime.local.JobResult;
import io.weir.runtime.local.LocalCluster;
import io.weir.runtime.local.RunOptions;
import io.weir.runtime.plan.JobCatalog;
import io.weir.runtime.plan.JobPlan;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The kill-to-resume job on the embedded runtime, bounded: every word counted, each sink reports its first record. */
@Timeout(120)
class KillToResumeJobTest {
  @Test
  void everySinkInstanceReportsItsFirstRecordAfterItsOpen() {
    long lines = 20_000;
    JobPlan plan = JobCatalog.load(KillToResumeJobTest.class.getClassLoader()).job(PacedLines.JOB);
    PrintStream original = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    JobResult result;
    try {
      result = new LocalCluster().run(plan, RunOptions.builder()
          .parallelism(2)
          .parameters("--lines", Long.toString(lines), "--rate", "100000", "--run", "t1", "--progress-ms", "1")
          .build()).orThrow();
    } finally {
      System.setOut(original);
    }
    assertEquals(lines * ZipfLines.WORDS_PER_LINE, result.vertex("PacedCount").recordsIn());
    assertEquals(lines * ZipfLines.WORDS_PER_LINE, result.vertex("ResumeSink").recordsIn());

    List<Map<String, String>> reports = printed.toString(StandardCharsets.UTF_8).lines()
        .filter(l -> l.startsWith(ResumeReport.PREFIX)).map(ResumeReport::parse).toList();
    List<Map<String, String>> firsts = reports.stream().filter(f -> "first".equals(f.get("role"))).toList();
    assertEquals(2, firsts.size(), reports.toString());
    assertEquals(List.of("0", "1"), firsts.stream().map(f -> f.get("subtask")).sorted().toList());
    for (Map<String, String> f : firsts) {
      assertEquals("t1", f.get("run"));
      assertTrue(Long.parseLong(f.get("first_nanos")) >= Long.parseLong(f.get("open_nanos")), f.toString());
    }
    assertTrue(reports.stream().anyMatch(f -> "progress".equals(f.get("role"))), "progress lines while records flow");
  }
}
