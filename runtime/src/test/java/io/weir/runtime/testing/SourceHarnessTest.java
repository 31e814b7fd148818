package io.weir.runtime.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.weir.runtime.fixtures.LambdaInvoker;
import io.weir.runtime.fixtures.Lifecycle;
import io.weir.runtime.fixtures.Sources;
import io.weir.runtime.fixtures.TestSerializers;
import io.weir.runtime.fixtures.WordCountJob;
import io.weir.runtime.plan.JobPlan;
import io.weir.runtime.plan.Partitioning;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SourceHarnessTest {

  @Test
  void readsOneSubtasksShareWithParameters() throws Exception {
    List<String> lines = SourceHarness.<String>of(WordCountJob.Lines.class).withParameters("--lines", "10").subtask(1, 3).run();
    assertEquals(List.of(WordCountJob.line(1), WordCountJob.line(4), WordCountJob.line(7)), lines);
  }

  private static JobPlan endless(Lifecycle lifecycle) {
    return JobPlan.builder("endless")
        .source("s", "Endless", "t.Endless", 1, Sources.unbounded(lifecycle), TestSerializers.LONG)
        .sink("k", "Sink", "t.Sink", 1, LambdaInvoker.of((i, in, r, out) -> {}), List.of("java.lang.Long"), null)
        .edge("s", "k", 0, Partitioning.FORWARD)
        .build();
  }

  @Test
  void stopsAnUnboundedSourceAtTheLimitAndClosesIt() throws Exception {
    Lifecycle lifecycle = new Lifecycle();
    List<Long> first = SourceHarness.<Long>of(endless(lifecycle), "Endless").limit(250).run();
    assertEquals(LongStream.range(0, 250).boxed().toList(), first);
    assertEquals(1, lifecycle.closed.get());
  }

  @Test
  void failsAfterTheTimeoutWhenAnUnboundedSourceHasNoLimit() {
    JobPlan plan = JobPlan.builder("idle")
        .source("s", "Idle", "t.Idle", 1, () -> (io.weir.api.SourceReader<Long>) out -> io.weir.api.SourceReader.Status.NOTHING_AVAILABLE,
            TestSerializers.LONG)
        .sink("k", "Sink", "t.Sink", 1, LambdaInvoker.of((i, in, r, out) -> {}), List.of("java.lang.Long"), null)
        .edge("s", "k", 0, Partitioning.FORWARD)
        .build();
    assertThrows(TimeoutException.class, () -> SourceHarness.of(plan, "Idle").timeout(Duration.ofMillis(100)).run());
  }
}
