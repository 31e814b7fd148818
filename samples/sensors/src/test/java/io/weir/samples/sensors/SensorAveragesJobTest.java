package io.weir.samples.sensors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weir.runtime.local.JobResult;
import io.weir.runtime.local.LocalCluster;
import io.weir.runtime.local.RunOptions;
import io.weir.runtime.plan.JobCatalog;
import io.weir.runtime.plan.JobPlan;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Runs the generated job on the embedded runtime and checks every window mean against plain Java. */
@Timeout(120)
class SensorAveragesJobTest {
  private static final int SENSORS = 5;
  private static final long SECONDS = 120;

  private static JobPlan plan() {
    return JobCatalog.load(SensorAveragesJobTest.class.getClassLoader()).job("sensor-averages");
  }

  /** Every window's mean, computed from the same readings without windows or watermarks. */
  private static List<String> oracle() {
    Map<String, long[]> sums = new TreeMap<>(); // "sensor|start" -> {deciCelsius, count}; starts are non-negative + 5000
    for (int s = 0; s < SENSORS; s++) {
      for (long second = 0; second < SECONDS; second++) {
        Reading r = Readings.reading(s, second);
        long latest = Math.floorDiv(r.time(), 5_000) * 5_000;
        for (long start : new long[] {latest - 5_000, latest}) {
          long[] sum = sums.computeIfAbsent(r.sensor() + "|" + String.format("%012d", start + 5_000), k -> new long[3]);
          sum[0] += r.deciCelsius();
          sum[1]++;
          sum[2] = start;
        }
      }
    }
    return sums.entrySet().stream().map(e -> new SensorMean(e.getKey().split("\\|")[0], e.getValue()[2],
        e.getValue()[2] + 10_000, e.getValue()[0] / 10.0 / e.getValue()[1], e.getValue()[1]).line()).toList();
  }

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 3})
  void everyWindowMeanMatchesPlainJava(int parallelism, @TempDir Path dir) throws Exception {
    Path output = dir.resolve("averages.txt");
    JobResult result = new LocalCluster().run(plan(), RunOptions.builder()
            .parallelism(parallelism)
            .parameters("--sensors", String.valueOf(SENSORS), "--seconds", String.valueOf(SECONDS),
                "--output", output.toString())
            .build())
        .orThrow();

    List<String> expected = oracle();
    assertEquals(expected, Files.readAllLines(output, StandardCharsets.UTF_8));
    assertEquals(SENSORS * SECONDS, result.vertex("SensorAverages").recordsIn());
    assertEquals(expected.size(), result.vertex("SensorAverages").recordsOut(), "each window fires exactly once");
  }
}
