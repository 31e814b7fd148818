package io.weir.runtime.network.remote;

import static io.weir.runtime.network.remote.TwoTaskManagers.JOB;
import static io.weir.runtime.network.remote.TwoTaskManagers.SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.runtime.network.BufferPool;
import io.weir.runtime.network.ChannelTarget;
import io.weir.runtime.network.ForwardRecordWriter;
import io.weir.runtime.network.InputFailedException;
import io.weir.runtime.network.InputGate;
import io.weir.state.serialization.StringSerializer;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Connection loss, release and shutdown: every user of a connection learns, nothing is left behind. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RemoteFailureTest {
  private static final DataPlaneOptions OPTIONS = DataPlaneOptions.DEFAULT.withBuffers(2, 2, 256)
      .withTimeouts(Duration.ofMillis(500), Duration.ofSeconds(5));

  private static ChannelId channel(int attempt, int subtask) {
    return new ChannelId(JOB, attempt, "sink", subtask, 0);
  }

  private static Producer producer(String name, ChannelTarget target, Iterable<String> records) {
    return new Producer(name, new BufferPool(4, 256),
        pool -> new ForwardRecordWriter(StringSerializer.INSTANCE, pool, target, 0, "sink"), records);
  }

  private static Throwable failureOf(CompletableFuture<?> future) throws InterruptedException {
    ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(20, TimeUnit.SECONDS));
    return e.getCause();
  }

  @Test
  void aConnectionKilledMidStreamFailsTheGateAndTheSenderNamingThePeer() throws Exception {
    try (TwoTaskManagers tms = new TwoTaskManagers(OPTIONS)) {
      InputGate gate = new InputGate(1);
      tms.b.registerGate(JOB, 0, "sink", 0, Set.of(0), gate);
      GateReader reader = new GateReader(gate);
      Producer producer = producer("endless", tms.a.remoteTarget(tms.peerB(), channel(0, 0)), Producer.endless("r"));
      while (reader.received.get() < 1_000) {
        Thread.sleep(5);
      }
      PeerConnection killed = tms.a.connectionTo("tm-b");
      killed.nettyChannel().close();

      Throwable consumerFailure = failureOf(reader.done);
      assertInstanceOf(InputFailedException.class, consumerFailure);
      assertInstanceOf(RemoteChannelException.class, consumerFailure.getCause());
      assertTrue(consumerFailure.getMessage().contains("TaskManager tm-a"), consumerFailure.getMessage());
      Throwable producerFailure = failureOf(producer.done);
      assertInstanceOf(RemoteChannelException.class, producerFailure);
      assertTrue(producerFailure.getMessage().contains("TaskManager tm-b"), producerFailure.getMessage());
      while (producer.pool.inUse() > 0) {
        Thread.sleep(5); // queued buffers come back at once, those the socket had not taken when its writes fail
      }

      // the next attempt of the job connects afresh
      InputGate retry = new InputGate(1);
      tms.b.registerGate(JOB, 1, "sink", 0, Set.of(0), retry);
      GateReader retryReader = new GateReader(retry);
      List<String> records = Producer.records("retry", 2_000);
      Producer again = producer("retry", tms.a.remoteTarget(tms.peerB(), channel(1, 0)), records);
      retryReader.done.get(20, TimeUnit.SECONDS);
      again.done.get(5, TimeUnit.SECONDS);
      assertEquals(records, retryReader.channel(0));
      assertNotSame(killed, tms.a.connectionTo("tm-b"));
    }
  }

  @Test
  void releasingAJobDropsItsQueuedBuffersAndRegistrationsButKeepsTheConnection() throws Exception {
    try (TwoTaskManagers tms = new TwoTaskManagers(OPTIONS)) {
      InputGate stalled = new InputGate(1);
      tms.b.registerGate(JOB, 0, "sink", 0, Set.of(0), stalled);
      Producer producer = producer("stalled", tms.a.remoteTarget(tms.peerB(), channel(0, 0)), Producer.records("r", 50_000));
      while (producer.pool.waits() == 0 || producer.thread.getState() != Thread.State.WAITING) {
        Thread.sleep(5);
      }
      PeerConnection connection = tms.a.connectionTo("tm-b");

      tms.a.releaseJob(JOB, 0);
      Throwable failure = failureOf(producer.done);
      assertInstanceOf(RemoteChannelException.class, failure);
      assertTrue(failure.getMessage().contains("released"), failure.getMessage());
      tms.b.releaseJob(JOB, 0);
      assertEquals(0, tms.b.registrations());
      assertEquals(0, connection.channelCount());

      // the received but unread buffers of the released gate are dropped when the consumer recycles them
      io.weir.runtime.network.NetworkBuffer buffer;
      while ((buffer = stalled.poll()) != null) {
        buffer.recycle();
      }

      InputGate next = new InputGate(1);
      tms.b.registerGate(JOB, 1, "sink", 0, Set.of(0), next);
      GateReader reader = new GateReader(next);
      List<String> records = Producer.records("next", 3_000);
      Producer again = producer("next", tms.a.remoteTarget(tms.peerB(), channel(1, 0)), records);
      reader.done.get(20, TimeUnit.SECONDS);
      again.done.get(5, TimeUnit.SECONDS);
      assertEquals(records, reader.channel(0));
      assertSame(connection, tms.a.connectionTo("tm-b"), "the connection outlives the job");
    }
  }

  @Test
  void aChannelAnnouncedAfterItsJobWasReleasedIsDropped() throws Exception {
    try (TwoTaskManagers tms = new TwoTaskManagers(OPTIONS)) {
      tms.b.releaseJob(JOB, 0); // e.g. the job failed before this late producer started
      OutboundChannel target = (OutboundChannel) tms.a.remoteTarget(tms.peerB(), channel(0, 0));
      Producer late = producer("late", target, List.of("r"));
      late.done.get(10, TimeUnit.SECONDS); // adding never blocks: the record's buffer and END_OF_INPUT are queued
      while (tms.a.connectionTo("tm-b") == null || !tms.a.connectionTo("tm-b").isActive()) {
        Thread.sleep(5);
      }
      Thread.sleep(200); // time for the announcement to arrive
      assertEquals(0, tms.b.registrations(), "nothing waits for a gate of the released attempt");
      assertEquals(2, target.queued(), "the late producer gets no credit; the sender's own releaseJob ends it");
      tms.a.releaseJob(JOB, 0);
      assertEquals(0, target.queued());
      assertEquals(0, late.pool.inUse());
    }
  }

  @Test
  void closingADataPlaneFailsItsPeersChannelsAndStopsEveryThread() throws Exception {
    TwoTaskManagers tms = new TwoTaskManagers(OPTIONS);
    try {
      InputGate gate = new InputGate(1);
      tms.a.registerGate(JOB, 0, "sink", 0, Set.of(0), gate);
      GateReader reader = new GateReader(gate);
      tms.a.ensureConnected(tms.peerB());
      Producer producer = producer("endless", tms.b.remoteTarget(tms.peerA(), channel(0, 0)), Producer.endless("r"));
      while (reader.received.get() < 100) {
        Thread.sleep(5);
      }
      tms.b.close();
      assertNoThreads("tm-b");
      Throwable failure = failureOf(reader.done);
      assertTrue(failure.getMessage().contains("TaskManager tm-b"), failure.getMessage());
      assertInstanceOf(RemoteChannelException.class, failureOf(producer.done));
    } finally {
      tms.close();
    }
    assertNoThreads("tm-a");
  }

  private static void assertNoThreads(String taskManagerId) throws InterruptedException {
    String prefix = DataPlane.threadPrefix(taskManagerId);
    List<String> alive = List.of();
    for (int i = 0; i < 100; i++) {
      alive = Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
          .filter(name -> name.startsWith(prefix)).toList();
      if (alive.isEmpty()) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("event loop threads still alive after close: " + alive);
  }

  @Test
  void aPeerThatNeverDialsFailsTheWaitingSideWithinTheConnectTimeout() throws Exception {
    try (TwoTaskManagers tms = new TwoTaskManagers(OPTIONS)) {
      // "tm-0" sorts before "tm-b", so tm-b waits for it to dial; nobody does
      ChannelTarget target = tms.b.remoteTarget(new PeerAddress("tm-0", "127.0.0.1", 9), channel(0, 0));
      Producer producer = producer("waiting", target, Producer.endless("r"));
      Throwable failure = failureOf(producer.done);
      assertInstanceOf(RemoteChannelException.class, failure);
      assertTrue(failure.getMessage().contains("tm-0") && failure.getMessage().contains("dials"), failure.getMessage());
    }
  }

  @Test
  void aPeerThatCannotBeReachedFailsTheDialingSide() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    try (TwoTaskManagers tms = new TwoTaskManagers(OPTIONS)) {
      ChannelTarget target = tms.a.remoteTarget(new PeerAddress("tm-z", "127.0.0.1", closedPort), channel(0, 0));
      Producer producer = producer("dialing", target, Producer.endless("r"));
      Throwable failure = failureOf(producer.done);
      assertTrue(failure.getMessage().contains("tm-z") && failure.getMessage().contains("could not be established"),
          failure.getMessage());
    }
  }

  @Test
  void aDataPlaneRefusesToConnectToItself() throws Exception {
    try (DataPlane plane = DataPlane.start("tm-a", null, 0, SECRET, OPTIONS)) {
      assertThrows(IllegalArgumentException.class, () -> plane.ensureConnected(TwoTaskManagers.addressOf(plane)));
    }
  }
}
