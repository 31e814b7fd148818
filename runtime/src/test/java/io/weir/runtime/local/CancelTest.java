package io.weir.runtime.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.runtime.fixtures.LambdaInvoker;
import io.weir.runtime.fixtures.Lifecycle;
import io.weir.runtime.fixtures.Sources;
import io.weir.runtime.fixtures.TestSerializers;
import io.weir.runtime.plan.JobPlan;
import io.weir.runtime.plan.Partitioning;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CancelTest {

  private static JobPlan endless(Lifecycle sources, Lifecycle sinks, boolean slowSink) {
    return JobPlan.builder("endless")
        .source("s", "Endless", "t.Endless", 2, Sources.unbounded(sources), TestSerializers.LONG)
        .sink("k", "Sink", "t.Sink", 3, LambdaInvoker.of((i, in, r, out) -> {
          if (slowSink) {
            Thread.sleep(1); // blocks in an interruptible call, as user code may
          }
        }, sinks), List.of("java.lang.Long"), null)
        .edge("s", "k", 0, Partitioning.REBALANCE)
        .build();
  }

  @Test
  void cancelStopsAnUnboundedJobFromAnotherThreadAndClosesEverything() throws Exception {
    Lifecycle sources = new Lifecycle();
    Lifecycle sinks = new Lifecycle();
    JobHandle handle = new LocalCluster().submit(endless(sources, sinks, false), RunOptions.defaults());
    Waiting.until(() -> handle.metrics().get(1).recordsIn() > 10_000);
    assertEquals(JobStatus.RUNNING, handle.status());
    assertThrows(TimeoutException.class, () -> handle.await(Duration.ofMillis(20)));

    handle.cancel();
    handle.cancel();
    JobResult result = handle.await(Duration.ofSeconds(30));

    assertEquals(JobStatus.CANCELED, result.status());
    assertEquals(JobStatus.CANCELED, handle.status());
    assertNull(result.failure(), "a cancelled job did not fail");
    assertEquals(2, sources.closed.get());
    assertEquals(3, sinks.closed.get());
    assertTrue(result.vertex("Sink").recordsIn() <= result.vertex("Endless").recordsOut());
    assertThrows(JobFailedException.class, result::orThrow);
  }

  @Test
  void cancelWakesUserCodeBlockedInInterruptibleCalls() throws Exception {
    Lifecycle sinks = new Lifecycle();
    JobHandle handle = new LocalCluster().submit(endless(new Lifecycle(), sinks, true), RunOptions.defaults());
    Waiting.until(() -> handle.metrics().get(1).recordsIn() > 10);
    handle.cancel();
    assertEquals(JobStatus.CANCELED, handle.await(Duration.ofSeconds(30)).status());
    assertEquals(3, sinks.closed.get());
  }

  @Test
  void cancelAfterTheEndChangesNothing() throws Exception {
    JobPlan plan = JobPlan.builder("short")
        .source("s", "Numbers", "t.Numbers", 1, Sources.range("s", 100, new Lifecycle()), TestSerializers.TAGGED)
        .sink("k", "Sink", "t.Sink", 1, LambdaInvoker.of((i, in, r, out) -> {}), List.of("t.Tagged"), null)
        .edge("s", "k", 0, Partitioning.FORWARD)
        .build();
    JobHandle handle = new LocalCluster().submit(plan, RunOptions.defaults());
    JobResult result = handle.await(Duration.ofSeconds(30));
    handle.cancel();
    assertEquals(JobStatus.FINISHED, result.status());
    assertEquals(JobStatus.FINISHED, handle.status());
    assertEquals(result, handle.result().join());
  }
}
