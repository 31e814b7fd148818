package io.weir.runtime.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.runtime.local.JobResult;
import io.weir.runtime.local.JobStatus;
import io.weir.runtime.plan.VertexKind;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressPrinterTest {

  @Test
  void formatsOneCompactLinePerSnapshot() {
    ProgressSnapshot snapshot = new ProgressSnapshot("wordcount", Duration.ofSeconds(65), List.of(
        new VertexProgress("Lines", VertexKind.SOURCE, 1, 0, 1_200_000, 0, 240_000),
        new VertexProgress("Count", VertexKind.OPERATOR, 4, 8_100_000, 8_100_000, 1_620_000, 1_620_000),
        new VertexProgress("Print", VertexKind.SINK, 1, 999, 0, 12.4, 0)));
    assertEquals("[wordcount 1:05] Lines out 1.20M 240k/s | Count[4] in 8.10M out 8.10M 1.62M/s | Print in 999 12/s",
        ProgressPrinter.line(snapshot));
  }

  @Test
  void summarizesTheJobInATable() {
    JobResult result = new JobResult("wordcount", JobStatus.FINISHED, Duration.ofMillis(2000), List.of(
        new VertexMetrics("Lines", VertexKind.SOURCE, 1, List.of(new SubtaskMetrics(0, 0, 1000))),
        new VertexMetrics("Count", VertexKind.OPERATOR, 2, List.of(new SubtaskMetrics(0, 3000, 3000), new SubtaskMetrics(1, 5000, 5000))),
        new VertexMetrics("Print", VertexKind.SINK, 1, List.of(new SubtaskMetrics(0, 8000, 0)))), List.of(), null);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new ProgressPrinter(new PrintStream(bytes, true, StandardCharsets.UTF_8)).onJobFinished(result);
    String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
    assertEquals("Job 'wordcount' FINISHED in 2.000 s", lines[0]);
    assertTrue(lines[1].contains("Operator") && lines[1].contains("Records in") && lines[1].contains("Records/s"), lines[1]);
    assertEquals(List.of("Lines", "1", "-", "1,000", "500"), List.of(lines[2].trim().split("\\s+")));
    assertEquals(List.of("Count", "2", "8,000", "8,000", "4.00k"), List.of(lines[3].trim().split("\\s+")));
    assertEquals(List.of("Print", "1", "8,000", "-", "4.00k"), List.of(lines[4].trim().split("\\s+")));
  }
}
