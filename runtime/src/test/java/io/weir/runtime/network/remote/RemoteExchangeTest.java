package io.weir.runtime.network.remote;

import static io.weir.runtime.network.remote.TwoTaskManagers.JOB;
import static io.weir.runtime.network.remote.TwoTaskManagers.channel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.runtime.network.BufferPool;
import io.weir.runtime.network.ChannelTarget;
import io.weir.runtime.network.ForwardRecordWriter;
import io.weir.runtime.network.HashRecordWriter;
import io.weir.runtime.network.InputGate;
import io.weir.runtime.network.KeyGroupAssigner;
import io.weir.runtime.fixtures.WordCountJob;
import io.weir.state.KeyGroups;
import io.weir.state.serialization.StringSerializer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Records of a real serializer through RecordWriter → remote target → InputGate between two data planes. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RemoteExchangeTest {
  /** Small buffers, so that thousands of records need hundreds of buffers and credits. */
  static final DataPlaneOptions OPTIONS = DataPlaneOptions.DEFAULT.withBuffers(2, 4, 256);

  private TwoTaskManagers tms;

  @BeforeEach
  void start() throws Exception {
    tms = new TwoTaskManagers(OPTIONS);
  }

  @AfterEach
  void stop() {
    tms.close();
  }

  private static Producer forward(String name, ChannelTarget target, int channelIndex, Iterable<String> records) {
    return new Producer(name, new BufferPool(4, 256),
        pool -> new ForwardRecordWriter(StringSerializer.INSTANCE, pool, target, channelIndex, "sink"), records);
  }

  @Test
  void recordsArriveInOrderPerChannelAndEndOfInputLast() throws Exception {
    InputGate gate = new InputGate(2);
    tms.b.registerGate(JOB, 0, "sink", 0, Set.of(0, 1), gate);
    GateReader reader = new GateReader(gate);
    List<String> first = new ArrayList<>(Producer.records("first", 20_000));
    first.add(5_000, "x".repeat(3_000)); // an oversized record: larger than a whole buffer
    List<String> second = Producer.records("second", 15_000);
    Producer p0 = forward("p0", tms.a.remoteTarget(tms.peerB(), channel(0, 0)), 0, first);
    Producer p1 = forward("p1", tms.a.remoteTarget(tms.peerB(), channel(0, 1)), 1, second);

    reader.done.get(30, TimeUnit.SECONDS);
    p0.done.get(5, TimeUnit.SECONDS);
    p1.done.get(5, TimeUnit.SECONDS);
    assertEquals(first, reader.channel(0));
    assertEquals(second, reader.channel(1));
    assertNotNull(tms.a.connectionTo("tm-b"));
    assertTrue(tms.a.connectionTo("tm-b").isActive());
    assertEquals(0, tms.a.connectionTo("tm-b").channelCount(), "finished channels leave the connection");
  }

  @Test
  void hashWriterFeedsThreeConsumersOnTwoTaskManagersOverOneConnection() throws Exception {
    // sink[0] runs on tm-a, sink[1] and sink[2] on tm-b; source[0] on tm-a, source[1] on tm-b.
    // channel i of every sink gate comes from source[i]
    InputGate[] gates = {new InputGate(2), new InputGate(2), new InputGate(2)};
    tms.a.registerGate(JOB, 0, "sink", 0, Set.of(1), gates[0]);
    tms.b.registerGate(JOB, 0, "sink", 1, Set.of(0), gates[1]);
    tms.b.registerGate(JOB, 0, "sink", 2, Set.of(0), gates[2]);
    GateReader[] readers = {new GateReader(gates[0]), new GateReader(gates[1]), new GateReader(gates[2])};
    tms.a.ensureConnected(tms.peerB());
    tms.b.ensureConnected(tms.peerA());

    ChannelTarget[] fromA = {gates[0], tms.a.remoteTarget(tms.peerB(), channel(1, 0)), tms.a.remoteTarget(tms.peerB(), channel(2, 0))};
    ChannelTarget[] fromB = {tms.b.remoteTarget(tms.peerA(), channel(0, 1)), gates[1], gates[2]};
    List<String> recordsA = Producer.records("a", 30_000);
    List<String> recordsB = Producer.records("b", 30_000);
    Producer a = hash("source-0", fromA, 0, recordsA);
    Producer b = hash("source-1", fromB, 1, recordsB);

    for (GateReader reader : readers) {
      reader.done.get(30, TimeUnit.SECONDS);
    }
    a.done.get(5, TimeUnit.SECONDS);
    b.done.get(5, TimeUnit.SECONDS);
    for (int sink = 0; sink < 3; sink++) {
      assertEquals(expectedFor(sink, recordsA), readers[sink].channel(0), "sink " + sink + " from source 0");
      assertEquals(expectedFor(sink, recordsB), readers[sink].channel(1), "sink " + sink + " from source 1");
    }
    PeerConnection atA = tms.a.connectionTo("tm-b");
    PeerConnection atB = tms.b.connectionTo("tm-a");
    assertNotNull(atA);
    assertNotNull(atB);
    assertEquals(atA.nettyChannel().localAddress(), atB.nettyChannel().remoteAddress(), "one connection, used both ways");
  }

  private static final int MAX_PARALLELISM = 128;

  private static Producer hash(String name, ChannelTarget[] targets, int channelIndex, List<String> records) {
    return new Producer(name, new BufferPool(8, 256), pool -> new HashRecordWriter(StringSerializer.INSTANCE, pool, targets,
        new int[] {channelIndex, channelIndex, channelIndex}, "sink", new WordCountJob.WordKeys(), 0, MAX_PARALLELISM), records);
  }

  private static List<String> expectedFor(int sink, List<String> records) {
    KeyGroupAssigner groups = new KeyGroupAssigner(MAX_PARALLELISM);
    return records.stream()
        .filter(r -> KeyGroups.subtaskFor(groups.keyGroup(r.hashCode()), MAX_PARALLELISM, 3) == sink)
        .toList();
  }

  @Test
  void aSenderWaitsForAConsumerThatRegistersLate() throws Exception {
    List<String> records = Producer.records("late", 5_000);
    Producer producer = forward("early", tms.a.remoteTarget(tms.peerB(), channel(0, 0)), 0, records);
    while (producer.pool.waits() == 0 || tms.b.registrations() == 0) {
      Thread.sleep(5); // no credit before the gate registers: the pool runs dry and the producer waits
    }
    assertTrue(!producer.done.isDone());
    assertEquals(1, tms.b.registrations(), "the announced channel waits for its gate");
    assertEquals(4, producer.pool.inUse(), "all the producer's buffers are queued for want of credit");

    InputGate gate = new InputGate(1);
    tms.b.registerGate(JOB, 0, "sink", 0, Set.of(0), gate);
    GateReader reader = new GateReader(gate);
    reader.done.get(30, TimeUnit.SECONDS);
    producer.done.get(5, TimeUnit.SECONDS);
    assertEquals(records, reader.channel(0));
  }

  @Test
  void aChannelWithoutRecordsDeliversItsEndOfInput() throws Exception {
    InputGate gate = new InputGate(1);
    tms.a.registerGate(JOB, 0, "sink", 0, Set.of(0), gate);
    GateReader reader = new GateReader(gate);
    // tm-b has the higher id: it waits for tm-a to dial, which ensureConnected on tm-a does
    Producer producer = forward("empty", tms.b.remoteTarget(tms.peerA(), channel(0, 0)), 0, List.of());
    tms.a.ensureConnected(tms.peerB());
    reader.done.get(30, TimeUnit.SECONDS);
    producer.done.get(5, TimeUnit.SECONDS);
    assertTrue(reader.channel(0).isEmpty());
  }

  @Test
  void closingARegistrationFreesItAndAReleasedJobLeavesNothingBehind() throws Exception {
    InputGate gate = new InputGate(1);
    GateRegistration registration = tms.b.registerGate(JOB, 0, "sink", 0, Set.of(0), gate);
    assertEquals(1, tms.b.registrations());
    registration.close();
    assertEquals(0, tms.b.registrations());
    tms.b.registerGate(JOB, 0, "sink", 0, Set.of(0), new InputGate(1)); // the key is free again
    tms.b.registerGate(JOB, 1, "sink", 0, Set.of(0), new InputGate(1));
    tms.b.releaseJob(JOB, 0);
    assertEquals(1, tms.b.registrations(), "only attempt 1 is left");
    assertNull(tms.b.connectionTo("tm-a"));
  }

  @Test
  void bothSidesAskingAtOnceStillMakeOneConnection() throws Exception {
    Thread fromA = new Thread(() -> tms.a.ensureConnected(tms.peerB()));
    Thread fromB = new Thread(() -> tms.b.ensureConnected(tms.peerA()));
    fromA.start();
    fromB.start();
    fromA.join();
    fromB.join();
    tms.a.ensureConnected(tms.peerB()); // idempotent
    PeerConnection atA = tms.a.connectionTo("tm-b");
    while (tms.b.connectionTo("tm-a") == null || !tms.b.connectionTo("tm-a").isActive() || !atA.isActive()) {
      Thread.sleep(5);
    }
    PeerConnection atB = tms.b.connectionTo("tm-a");
    assertEquals(atA.nettyChannel().localAddress(), atB.nettyChannel().remoteAddress(), "tm-a dialled, tm-b accepted");
    assertEquals(atA, tms.a.connectionTo("tm-b"));
  }

  @Test
  void aFlushedPartlyFilledBufferArrivesWithoutWaitingForMore() throws Exception {
    InputGate gate = new InputGate(1);
    tms.b.registerGate(JOB, 0, "sink", 0, Set.of(0), gate);
    GateReader reader = new GateReader(gate);
    ForwardRecordWriter writer = new ForwardRecordWriter(StringSerializer.INSTANCE, new BufferPool(4, 256),
        tms.a.remoteTarget(tms.peerB(), channel(0, 0)), 0, "sink");
    writer.emit("lonely");
    writer.flush(); // what the producer's buffer timeout does; nothing else follows until the record arrived
    while (reader.received.get() == 0) {
      Thread.sleep(1);
    }
    assertEquals(List.of("lonely"), reader.channel(0));
    assertTrue(!reader.done.isDone());
  }

  @Test
  void aGateCannotClaimRemoteChannelsItDoesNotHave() {
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> tms.b.registerGate(JOB, 0, "sink", 0, Set.of(0, 2), new InputGate(2)));
    assertEquals(0, tms.b.registrations());
  }

  @Test
  void anEmptyChannelWaitsForItsLateConsumerToo() throws Exception {
    // END_OF_INPUT needs no credit, but it must not reach tm-b before the gate it belongs to
    Producer producer = forward("empty", tms.a.remoteTarget(tms.peerB(), channel(0, 0)), 0, List.of());
    producer.done.get(10, TimeUnit.SECONDS);
    while (tms.b.registrations() == 0) {
      Thread.sleep(5);
    }
    InputGate gate = new InputGate(1);
    tms.b.registerGate(JOB, 0, "sink", 0, Set.of(0), gate);
    GateReader reader = new GateReader(gate);
    reader.done.get(20, TimeUnit.SECONDS);
    assertTrue(reader.channel(0).isEmpty());
    assertTrue(tms.a.connectionTo("tm-b").isActive(), "the connection survived");
  }
}
