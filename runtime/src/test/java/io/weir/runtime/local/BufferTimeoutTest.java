package io.weir.runtime.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weir.api.SourceReader;
import io.weir.runtime.fixtures.LambdaInvoker;
import io.weir.runtime.fixtures.Received;
import io.weir.runtime.fixtures.Sources;
import io.weir.runtime.fixtures.TestSerializers;
import io.weir.runtime.plan.JobPlan;
import io.weir.runtime.plan.Partitioning;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Records of a slow unbounded source reach the sink although they never fill a buffer. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BufferTimeoutTest {

  private static JobPlan trickle(SourceReader.Status status, Queue<Received> into) {
    return JobPlan.builder("trickle")
        .source("s", "Trickle", "t.Trickle", 1, Sources.trickle(2, status), TestSerializers.LONG)
        .sink("k", "Sink", "t.Sink", 1, LambdaInvoker.collect(into), List.of("java.lang.Long"), null)
        .edge("s", "k", 0, Partitioning.REBALANCE)
        .build();
  }

  private static RunOptions options(Duration bufferTimeout) {
    return RunOptions.builder().chainSingleInstanceExchanges(false).bufferTimeout(bufferTimeout).build();
  }

  @Test
  void theBufferTimeoutShipsRecordsOfABusySource() throws Exception {
    Queue<Received> received = new ConcurrentLinkedQueue<>();
    JobHandle handle = new LocalCluster().submit(trickle(SourceReader.Status.MORE, received), options(Duration.ofMillis(20)));
    Waiting.until(() -> received.size() >= 5);
    handle.cancel();
    assertEquals(JobStatus.CANCELED, handle.await(Duration.ofSeconds(30)).status());
    assertEquals(List.of(0L, 1L, 2L, 3L, 4L), received.stream().limit(5).map(Received::record).toList());
  }

  @Test
  void withoutATimeoutTheRecordsOfABusySourceWaitInTheBuffer() throws Exception {
    // control experiment for the test above: what ships the records there is the timeout
    Queue<Received> received = new ConcurrentLinkedQueue<>();
    JobHandle handle = new LocalCluster().submit(trickle(SourceReader.Status.MORE, received), options(Duration.ofHours(1)));
    Waiting.until(() -> handle.metrics().get(0).recordsOut() >= 50);
    handle.cancel();
    handle.await(Duration.ofSeconds(30));
    assertEquals(0, received.size(), "50 records of 8 bytes never fill a 32 KiB buffer");
  }

  @Test
  void aSourceWithNothingAvailableShipsAtOnce() throws Exception {
    Queue<Received> received = new ConcurrentLinkedQueue<>();
    JobHandle handle = new LocalCluster().submit(trickle(SourceReader.Status.NOTHING_AVAILABLE, received), options(Duration.ofHours(1)));
    Waiting.until(() -> received.size() >= 5);
    handle.cancel();
    assertEquals(JobStatus.CANCELED, handle.await(Duration.ofSeconds(30)).status());
  }

  @Test
  void aZeroTimeoutShipsAfterEveryPoll() throws Exception {
    Queue<Received> received = new ConcurrentLinkedQueue<>();
    JobHandle handle = new LocalCluster().submit(trickle(SourceReader.Status.MORE, received), options(Duration.ZERO));
    Waiting.until(() -> received.size() >= 5);
    handle.cancel();
    assertEquals(JobStatus.CANCELED, handle.await(Duration.ofSeconds(30)).status());
  }
}
