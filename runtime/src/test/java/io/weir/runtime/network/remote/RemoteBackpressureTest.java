package io.weir.runtime.network.remote;

import static io.weir.runtime.network.remote.TwoTaskManagers.JOB;
import static io.weir.runtime.network.remote.TwoTaskManagers.channel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.runtime.network.BufferPool;
import io.weir.runtime.network.ChannelTarget;
import io.weir.runtime.network.ForwardRecordWriter;
import io.weir.runtime.network.InputGate;
import io.weir.state.serialization.StringSerializer;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Credit-based flow control: a stalled consumer holds back only its own producer, not the connection. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RemoteBackpressureTest {
  private static final int POOL = 4;

  private static Producer producer(String name, ChannelTarget target, List<String> records) {
    return new Producer(name, new BufferPool(POOL, 256),
        pool -> new ForwardRecordWriter(StringSerializer.INSTANCE, pool, target, 0, "sink"), records);
  }

  @Test
  void aStalledConsumerBlocksItsProducerWhileAnotherChannelOnTheSameConnectionCompletes() throws Exception {
    try (TwoTaskManagers tms = new TwoTaskManagers(DataPlaneOptions.DEFAULT.withBuffers(2, 2, 256))) {
      InputGate stalledGate = new InputGate(1);
      InputGate flowingGate = new InputGate(1);
      tms.b.registerGate(JOB, 0, "sink", 0, Set.of(0), stalledGate);
      tms.b.registerGate(JOB, 0, "sink", 1, Set.of(0), flowingGate);
      CountDownLatch unstall = new CountDownLatch(1);
      GateReader stalledReader = new GateReader(stalledGate, unstall);
      GateReader flowingReader = new GateReader(flowingGate);
      List<String> stalledRecords = Producer.records("stalled", 20_000);
      List<String> flowingRecords = Producer.records("flowing", 20_000);
      Producer stalled = producer("stalled", tms.a.remoteTarget(tms.peerB(), channel(0, 0)), stalledRecords);
      Producer flowing = producer("flowing", tms.a.remoteTarget(tms.peerB(), channel(1, 0)), flowingRecords);

      flowingReader.done.get(30, TimeUnit.SECONDS);
      flowing.done.get(5, TimeUnit.SECONDS);
      assertEquals(flowingRecords, flowingReader.channel(0));

      // the stalled channel's receiver holds its 2 exclusive + 2 floating buffers, the sender has used up
      // its credit, and the producer's 4 buffers wait in the queue: it blocks in BufferPool.request
      while (stalled.thread.getState() != Thread.State.WAITING || stalled.pool.waits() == 0) {
        Thread.sleep(5);
      }
      assertFalse(stalled.done.isDone());
      assertEquals(POOL, stalled.pool.inUse());
      assertTrue(Arrays.stream(stalled.thread.getStackTrace())
              .anyMatch(f -> f.getClassName().equals(BufferPool.class.getName()) && f.getMethodName().equals("request")),
          "the stalled producer waits for a buffer");
      assertEquals(0, stalledReader.received.get());
      assertSame(tms.a.connectionTo("tm-b"), tms.a.connectionTo("tm-b"), "both channels share the one connection");

      unstall.countDown();
      stalledReader.done.get(30, TimeUnit.SECONDS);
      stalled.done.get(5, TimeUnit.SECONDS);
      assertEquals(stalledRecords, stalledReader.channel(0));
    }
  }

  @Test
  void floatingBuffersGoToTheChannelWithABacklog() throws Exception {
    // one exclusive buffer per channel and a deep floating pool: the backlog the sender reports makes
    // the receiver lend floating buffers, so more than one buffer is in flight on the channel
    try (TwoTaskManagers tms = new TwoTaskManagers(DataPlaneOptions.DEFAULT.withBuffers(1, 6, 256))) {
      InputGate gate = new InputGate(1);
      tms.b.registerGate(JOB, 0, "sink", 0, Set.of(0), gate);
      CountDownLatch go = new CountDownLatch(1);
      GateReader reader = new GateReader(gate, go);
      List<String> records = Producer.records("r", 5_000);
      Producer producer = new Producer("p", new BufferPool(16, 256),
          pool -> new ForwardRecordWriter(StringSerializer.INSTANCE, pool, tms.a.remoteTarget(tms.peerB(), channel(0, 0)), 0, "sink"),
          records);
      // stalled consumer: the gate fills with everything the receiver could lend (1 exclusive + up to 6 floating)
      while (producer.thread.getState() != Thread.State.WAITING || producer.pool.waits() == 0) {
        Thread.sleep(5);
      }
      Thread.sleep(200);
      assertTrue(gate.maxQueued() > 1, "floating buffers were lent: " + gate.maxQueued() + " buffers arrived");
      assertTrue(gate.maxQueued() <= 7, "never more than exclusive + floating buffers: " + gate.maxQueued());
      go.countDown();
      reader.done.get(30, TimeUnit.SECONDS);
      producer.done.get(5, TimeUnit.SECONDS);
      assertEquals(records, reader.channel(0));
    }
  }
}
