package io.weir.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import io.weir.api.TimeDomain;
import io.weir.runtime.local.JobResult;
import io.weir.runtime.local.LocalCluster;
import io.weir.runtime.local.RunOptions;
import io.weir.runtime.plan.JobCatalog;
import io.weir.runtime.plan.JobPlan;
import io.weir.runtime.plan.VertexPlan;
import io.weir.runtime.testing.OperatorHarness;
import io.weir.runtime.testing.OperatorSnapshot;
import io.weir.state.backend.StateBackend;
import io.weir.state.heap.HeapStateBackend;
import io.weir.state.rocksdb.RocksDbStateBackend;
import io.weir.state.snapshot.LocalDirectorySnapshotStorage;
import java.lang.reflect.Constructor;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Runs the generated code of the golden {@code click-alerts} job: event time from the source, timers in Inactivity. */
@Timeout(60)
class TimedJobTest {
  private static JobPlan plan;
  private static Constructor<?> click;

  @TempDir Path dir;

  @BeforeAll
  static void compileAndLoad() throws Exception {
    Compilation compilation = WeirCompiler.compile(WeirCompiler.resourceSources("golden/input"));
    assertThat(compilation).succeeded();
    CompiledClassLoader loader = new CompiledClassLoader(compilation);
    plan = JobCatalog.load(loader).job("click-alerts");
    click = loader.loadClass("com.example.clicks.Click").getConstructor(String.class, long.class);
  }

  private static Object click(String user, long time) throws Exception {
    return click.newInstance(user, time);
  }

  @Test
  void theSourceReadsTimestampsThroughItsEventTimeMethod() throws Exception {
    VertexPlan source = plan.vertices().get(0);
    assertEquals("Clicks", source.name());
    Object reader = source.sourceFactory().get();
    assertEquals(1234L, source.eventTime().timestamps().timestamp(reader, click("a", 1234)));
    assertEquals(5000L, source.eventTime().idleTimeoutMillis());
    var watermarks = source.eventTime().watermarks().get();
    assertEquals(Long.MIN_VALUE, watermarks.currentWatermark());
  }

  @Test
  void timersFireOnWatermarksWithTheirKeysState() throws Exception {
    try (OperatorHarness<Object> inactivity = OperatorHarness.of(plan, "Inactivity")) {
      inactivity.process(click("a", 1_000)).process(click("b", 2_000)).process(click("a", 4_000));
      assertEquals(2, inactivity.timerCount(TimeDomain.EVENT_TIME), "a's first timer was replaced");
      inactivity.advanceWatermark(12_000);
      assertEquals(List.of("Alert[lastClick=2000, at=12000]"), strings(inactivity.output()));
      inactivity.advanceWatermark(14_000);
      assertEquals(List.of("Alert[lastClick=2000, at=12000]", "Alert[lastClick=4000, at=14000]"),
          strings(inactivity.output()));
      assertEquals(null, inactivity.<Long>valueState("lastClick", "a"), "the timer cleared the state of a");
    }
  }

  @Test
  void timersSurviveSnapshotAndRestoreAcrossBackends() throws Exception {
    for (boolean toRocks : List.of(false, true)) {
      StateBackend first = toRocks ? new HeapStateBackend() : new RocksDbStateBackend(dir.resolve("rocks-first"));
      StateBackend second = toRocks ? new RocksDbStateBackend(dir.resolve("rocks-second")) : new HeapStateBackend();
      OperatorSnapshot saved;
      try (OperatorHarness<Object> before = OperatorHarness.<Object>of(plan, "Inactivity").withStateBackend(first)) {
        before.process(click("a", 1_000)).process(click("b", 2_000)).process(click("c", 30_000));
        before.advanceWatermark(11_500); // a fires before the snapshot
        saved = before.snapshot(new LocalDirectorySnapshotStorage(dir.resolve("snap-" + toRocks)));
      }
      try (OperatorHarness<Object> after =
          OperatorHarness.<Object>of(plan, "Inactivity").withStateBackend(second).restoreFrom(saved)) {
        assertEquals(2, after.timerCount(TimeDomain.EVENT_TIME));
        after.advanceWatermark(Long.MAX_VALUE);
        assertEquals(List.of("Alert[lastClick=2000, at=12000]", "Alert[lastClick=30000, at=40000]"),
            strings(after.output()), "restored onto " + second.name());
      }
    }
  }

  @Test
  void theJobRunsEndToEndAndTheFinalWatermarkFiresTheLastTimers() {
    JobResult result = new LocalCluster().run(plan, RunOptions.defaults()).orThrow();
    // clicks of a user are 3 s apart, so only each user's last click is followed by 10 s of silence
    assertEquals(30, result.vertex("Inactivity").recordsIn());
    assertEquals(3, result.vertex("Inactivity").recordsOut());
    assertEquals(3, result.vertex("AlertLog").recordsIn());
  }

  private static List<String> strings(List<Object> records) {
    return records.stream().map(Object::toString).toList();
  }
}
