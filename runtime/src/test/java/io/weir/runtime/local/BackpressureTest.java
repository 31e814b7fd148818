package io.weir.runtime.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.runtime.fixtures.LambdaInvoker;
import io.weir.runtime.fixtures.Lifecycle;
import io.weir.runtime.fixtures.Sources;
import io.weir.runtime.fixtures.TestSerializers;
import io.weir.runtime.metrics.TaskMetrics;
import io.weir.runtime.plan.JobPlan;
import io.weir.runtime.plan.Partitioning;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A fast unbounded source feeding a slow sink is held back by the bounded buffer pool. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BackpressureTest {
  private static final int BUFFER_SIZE = 1024;

  @Test
  void aSlowConsumerThrottlesItsProducerWithABoundedNumberOfBuffersInFlight() throws Exception {
    JobPlan plan = JobPlan.builder("backpressure")
        .source("s", "Fast", "t.Fast", 1, Sources.unbounded(new Lifecycle()), TestSerializers.LONG)
        .sink("k", "Slow", "t.Slow", 1, LambdaInvoker.of((i, in, r, out) -> LockSupport.parkNanos(20_000)),
            List.of("java.lang.Long"), null)
        .edge("s", "k", 0, Partitioning.REBALANCE)
        .build();
    RunOptions options = RunOptions.builder().chainSingleInstanceExchanges(false).bufferSize(BUFFER_SIZE).buffers(2, 2).build();

    JobHandle handle = new LocalCluster().submit(plan, options);
    Waiting.until(() -> handle.metrics().get(1).recordsIn() >= 20_000);
    handle.cancel();
    JobResult result = handle.await(Duration.ofSeconds(30));

    TaskMetrics source = result.tasks().get(0);
    assertEquals("Fast", source.name());
    assertEquals(4, source.bufferPoolCapacity(), "1 channel x 2 + 2 floating");
    assertTrue(source.maxBuffersInUse() <= source.bufferPoolCapacity(), source.toString());
    assertTrue(source.backpressureWaits() > 0, "the producer had to wait for buffers: " + source);
    assertTrue(result.tasks().get(1).maxQueuedInputBuffers() <= source.bufferPoolCapacity(), result.tasks().get(1).toString());
    // records between source and sink: at most the pool's buffers (8-byte records) plus the source's last batch of 100
    long inFlight = result.vertex("Fast").recordsOut() - result.vertex("Slow").recordsIn();
    long bound = (long) source.bufferPoolCapacity() * (BUFFER_SIZE / 8) + 100;
    assertTrue(inFlight <= bound, inFlight + " records in flight, more than the " + bound + " the pool can hold");
  }
}
