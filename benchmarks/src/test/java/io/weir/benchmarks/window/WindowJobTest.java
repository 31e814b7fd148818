package io.weir.benchmarks.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.runtime.checkpoint.CheckpointConfig;
import io.weir.runtime.local.JobResult;
import io.weir.runtime.local.LocalCluster;
import io.weir.runtime.local.RunOptions;
import io.weir.runtime.plan.JobCatalog;
import io.weir.runtime.plan.JobPlan;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The benchmark's W3 job on a small input: it must pass the anchor's check at every setting the script uses. */
@Timeout(120)
class WindowJobTest {
  private static final long EVENTS = 400_000; // four event-time seconds

  private static JobResult run(int parallelism, String backend, long events) {
    JobPlan plan = JobCatalog.load(WindowJobTest.class.getClassLoader()).job(TimedEvents.JOB);
    return new LocalCluster().run(plan, RunOptions.builder()
        .parallelism(parallelism)
        .stateBackend(backend)
        .parameters("--events", Long.toString(events), "--seed", "42")
        .build());
  }

  @ParameterizedTest(name = "p={0}, {1}")
  @CsvSource({"1, heap", "2, heap", "1, rocksdb", "2, rocksdb"})
  void everyWindowOfEveryKeyFiresOnceWithItsSum(int parallelism, String backend) {
    WindowCheck check = WindowCheck.forEvents(42, EVENTS);
    WindowTally.reset(check);
    JobResult result = run(parallelism, backend, EVENTS).orThrow();

    assertTrue(WindowTally.passes(), "the anchor's check");
    assertEquals(check.windowResults(), WindowTally.results());
    assertEquals(EVENTS, result.vertex("SumPerSecond").recordsIn());
    assertEquals(parallelism, result.vertex("SumPerSecond").parallelism());
    assertTrue(WindowTally.intervalSeconds() > 0, "both ends of the interval were marked");
  }

  /**
   * Checkpoints every few milliseconds while windows are open: each one writes the pre-aggregated
   * windows into the keyed state (and removes fired ones) while the backend snapshots
   * asynchronously; the results must stay exact.
   */
  @ParameterizedTest(name = "p={0}, {1}")
  @CsvSource({"1, heap", "2, heap", "1, rocksdb", "2, rocksdb"})
  void checkpointsTakenWhileWindowsAreOpenLeaveTheResultsExact(int parallelism, String backend, @TempDir Path dir) {
    long events = 2_000_000;
    WindowCheck check = WindowCheck.forEvents(42, events);
    WindowTally.reset(check);
    JobPlan plan = JobCatalog.load(WindowJobTest.class.getClassLoader()).job(TimedEvents.JOB);
    JobResult result = new LocalCluster().run(plan, RunOptions.builder()
        .parallelism(parallelism)
        .stateBackend(backend)
        .checkpointing(CheckpointConfig.every(Duration.ofMillis(5), dir.toString()))
        .parameters("--events", Long.toString(events), "--seed", "42")
        .build()).orThrow();

    assertTrue(result.checkpoints().completed() > 0, "checkpoints were taken: " + result.checkpoints().describe());
    assertTrue(WindowTally.passes(), "the anchor's check");
    assertEquals(check.windowResults(), WindowTally.results());
  }

  @Test
  void aRunOverOtherEventsFailsTheCheck() {
    WindowTally.reset(WindowCheck.forEvents(42, EVENTS));
    run(1, "heap", EVENTS - 2).orThrow(); // two events short
    assertFalse(WindowTally.passes());
  }
}
