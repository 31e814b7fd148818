package io.weir.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import io.weir.runtime.local.JobResult;
import io.weir.runtime.local.LocalCluster;
import io.weir.runtime.local.RunOptions;
import io.weir.runtime.plan.JobCatalog;
import io.weir.runtime.plan.JobPlan;
import io.weir.runtime.testing.OperatorHarness;
import io.weir.runtime.testing.OperatorSnapshot;
import io.weir.state.backend.StateBackend;
import io.weir.state.heap.HeapStateBackend;
import io.weir.state.rocksdb.RocksDbStateBackend;
import io.weir.state.snapshot.LocalDirectorySnapshotStorage;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Runs the generated window operators of the golden {@code sensor-windows} job. */
@Timeout(120)
class WindowJobTest {
  private static JobPlan plan;
  private static Constructor<?> reading;
  private static Method sensor;
  private static Method start;
  private static Method mean;

  @TempDir Path dir;

  @BeforeAll
  static void compileAndLoad() throws Exception {
    Compilation compilation = WeirCompiler.compile(WeirCompiler.resourceSources("golden/input"));
    assertThat(compilation).succeeded();
    CompiledClassLoader loader = new CompiledClassLoader(compilation);
    plan = JobCatalog.load(loader).job("sensor-windows");
    reading = loader.loadClass("com.example.sensors.Reading").getConstructor(String.class, long.class, double.class);
    Class<?> sensorMean = loader.loadClass("com.example.sensors.SensorMean");
    sensor = sensorMean.getMethod("sensor");
    start = sensorMean.getMethod("start");
    mean = sensorMean.getMethod("mean");
  }

  @Test
  void theJobEmitsOneResultPerSlidingWindowAndSession() {
    JobResult result = new LocalCluster().run(plan, RunOptions.defaults()).orThrow();
    // readings at 0..59 s per sensor: sliding windows start every 5 s from -5 s to 55 s (13 per sensor)
    assertEquals(26, result.vertex("SensorAverages").recordsOut());
    assertEquals(2, result.vertex("Bursts").recordsOut(), "one session per sensor");
    assertEquals(28, result.vertex("MeanLog").recordsIn());
  }

  /** Means of sliding windows against an oracle, with out-of-order and late readings, across a snapshot. */
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void slidingMeansMatchTheOracleOnBothBackends(boolean rocksFirst) throws Exception {
    StateBackend first = rocksFirst ? new RocksDbStateBackend(dir.resolve("r1")) : new HeapStateBackend();
    StateBackend second = rocksFirst ? new HeapStateBackend() : new RocksDbStateBackend(dir.resolve("r2"));
    Random random = new Random(3);
    long lateness = 1_000;
    Map<String, double[]> expected = new TreeMap<>(); // sensor@start -> {sum, count}
    List<Object> output = new ArrayList<>();
    List<Object> late = new ArrayList<>();
    long watermark = Long.MIN_VALUE;
    long maxSeen = Long.MIN_VALUE;
    OperatorHarness<Object> harness = OperatorHarness.<Object>of(plan, "SensorAverages").withStateBackend(first);
    int lateDropped = 0;
    for (int i = 0; i < 2_000; i++) {
      if (i == 1_000) {
        OperatorSnapshot saved = harness.snapshot(new LocalDirectorySnapshotStorage(dir.resolve("snap")));
        output.addAll(harness.output());
        late.addAll(harness.sideOutput("late"));
        harness.close();
        harness = OperatorHarness.<Object>of(plan, "SensorAverages").withStateBackend(second).restoreFrom(saved);
        harness.advanceWatermark(watermark);
      }
      long ts = i * 100L - random.nextInt(2_000) - (random.nextInt(40) == 0 ? 14_000 : 0);
      String s = "s" + random.nextInt(4);
      double celsius = random.nextInt(400) / 10.0;
      boolean accepted = false;
      for (long w = ts - Math.floorMod(ts, 5_000L); w > ts - 10_000; w -= 5_000) {
        if (w + 10_000 - 1 + lateness > watermark) {
          double[] acc = expected.computeIfAbsent(s + "@" + w, k -> new double[2]);
          acc[0] += celsius;
          acc[1]++;
          accepted = true;
        }
      }
      lateDropped += accepted ? 0 : 1;
      harness.process(reading.newInstance(s, ts, celsius));
      maxSeen = Math.max(maxSeen, ts);
      if (i % 25 == 24) {
        watermark = Math.max(watermark, maxSeen - 2_001);
        harness.advanceWatermark(watermark);
      }
    }
    harness.advanceWatermark(Long.MAX_VALUE);
    output.addAll(harness.output());
    late.addAll(harness.sideOutput("late"));
    harness.close();

    Map<String, Double> last = new TreeMap<>();
    for (Object m : output) {
      last.put(sensor.invoke(m) + "@" + start.invoke(m), (Double) mean.invoke(m));
    }
    assertEquals(expected.keySet(), last.keySet());
    for (Map.Entry<String, double[]> e : expected.entrySet()) {
      assertEquals(e.getValue()[0] / e.getValue()[1], last.get(e.getKey()), 1e-9, e.getKey());
    }
    assertTrue(lateDropped > 5, "the input has records beyond the lateness: " + lateDropped);
    assertEquals(lateDropped, late.size(), "every reading beyond the lateness went to the late side output");
  }
}
