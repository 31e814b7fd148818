package io.weir.runtime.network.remote;

import static io.weir.runtime.network.remote.TwoTaskManagers.JOB;
import static io.weir.runtime.network.remote.TwoTaskManagers.channel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.weir.runtime.checkpoint.CheckpointOptions;
import io.weir.runtime.checkpoint.CheckpointType;
import io.weir.runtime.checkpoint.CheckpointingMode;
import io.weir.runtime.network.BufferPool;
import io.weir.runtime.network.CancelCheckpointMarker;
import io.weir.runtime.network.ChannelEvent;
import io.weir.runtime.network.CheckpointBarrier;
import io.weir.runtime.network.EndOfInput;
import io.weir.runtime.network.ForwardRecordWriter;
import io.weir.runtime.network.InputGate;
import io.weir.runtime.network.NetworkBuffer;
import io.weir.runtime.network.RecordWriter;
import io.weir.runtime.network.Watermark;
import io.weir.state.serialization.StringSerializer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Checkpoint barriers and cancel markers between two data planes on loopback: aligned ones keep
 * their place after the data before them, unaligned ones jump the data still queued for credit and
 * count it, and neither needs credit.
 *
 * <p>The deterministic tests drive the producer from the test thread, one record per buffer, with
 * 2 exclusive receive buffers and no floating ones: after two buffers the channel has zero credit
 * as long as the consumer does not recycle. To know that frames the sender wrote have arrived
 * without reading the gate under test, they send a watermark on a second channel of the same
 * connection afterwards (a fence): the sender writes frames in order, the receiver handles them
 * in order, so once the fence arrived everything written before it is in the gate.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RemoteCheckpointBarrierTest {
  private static final DataPlaneOptions OPTIONS = DataPlaneOptions.DEFAULT.withBuffers(2, 0, 256);
  private static final CheckpointOptions ALIGNED =
      new CheckpointOptions(CheckpointType.CHECKPOINT, CheckpointingMode.EXACTLY_ONCE, false, 0, "");
  private static final CheckpointOptions UNALIGNED =
      new CheckpointOptions(CheckpointType.CHECKPOINT, CheckpointingMode.EXACTLY_ONCE, true, 0, "");

  private TwoTaskManagers tms;
  private InputGate gate;
  private OutboundChannel target;
  private InputGate fenceGate;
  private OutboundChannel fence;
  private BufferPool pool;
  private RecordWriter writer;

  @BeforeEach
  void start() throws Exception {
    tms = new TwoTaskManagers(OPTIONS);
    gate = new InputGate(1);
    fenceGate = new InputGate(1);
    tms.b.registerGate(JOB, 0, "sink", 0, Set.of(0), gate);
    tms.b.registerGate(JOB, 0, "sink", 1, Set.of(0), fenceGate);
    target = (OutboundChannel) tms.a.remoteTarget(tms.peerB(), channel(0, 0));
    fence = (OutboundChannel) tms.a.remoteTarget(tms.peerB(), channel(1, 0));
    pool = new BufferPool(32, 256);
    writer = new ForwardRecordWriter(StringSerializer.INSTANCE, pool, target, 0, "sink");
  }

  @AfterEach
  void stop() {
    tms.close();
  }

  /** Writes records "r-from" .. "r-(to-1)", one buffer each. */
  private void writeRecords(int from, int to) {
    for (int i = from; i < to; i++) {
      writer.emit("r-" + i);
      writer.flush();
    }
  }

  /** Waits until the sender shipped everything credit allowed: zero credit left, {@code queued} still waiting. */
  private void awaitCreditExhausted(int queued) throws InterruptedException {
    while (target.credit() != 0 || target.queued() != queued) {
      Thread.sleep(5);
    }
  }

  /** Returns once every frame the sender wrote before this call has reached the receiving gates. */
  private void fence() throws InterruptedException {
    while (fence.credit() == 0) {
      Thread.sleep(5); // the fence channel's receiver is ready: its events go without waiting
    }
    Watermark marker = new Watermark(System.nanoTime());
    fence.add(NetworkBuffer.event(marker, 0));
    assertEquals(marker, fenceGate.take().event());
  }

  private static List<String> records(int from, int to) {
    List<String> records = new ArrayList<>();
    for (int i = from; i < to; i++) {
      records.add("r-" + i);
    }
    return records;
  }

  @Test
  void anUnalignedBarrierOvertakesTheDataQueuedForCreditAndCountsIt() throws Exception {
    writeRecords(0, 10);
    awaitCreditExhausted(8); // 2 buffers in the receiver's gate, 8 queued at the sender for credit
    CheckpointBarrier barrier = new CheckpointBarrier(5, 1_700_000_000_000L, UNALIGNED);
    writer.broadcastEvent(barrier); // -> addPriority
    fence();

    // the barrier went with zero credit, jumping the 8 queued buffers, which still wait for credit
    assertEquals(0, target.credit());
    assertEquals(8, target.queued());
    assertEquals(0, target.queuedPriority());
    NetworkBuffer first = gate.poll();
    assertEquals(0, first.channel());
    // it overtook the 8 buffers queued at the sender and, in the gate, the 2 that arrived before it
    assertEquals(barrier.overtook(10), first.event());
    assertEquals(2, gate.maxQueued(), "only 2 data buffers were in the gate when the barrier arrived");

    writeRecords(10, 13);
    writer.broadcastEvent(EndOfInput.INSTANCE);
    List<Object> rest = new GateLog(1).readToEnd(gate).channel(0);
    // exactly the 10 overtaken buffers follow, in order, then what was written after the barrier
    List<Object> expected = new ArrayList<>();
    for (int i = 0; i < 13; i++) {
      expected.add(List.of("r-" + i));
    }
    expected.add(EndOfInput.INSTANCE);
    assertEquals(expected, rest);
  }

  @Test
  void anAlignedBarrierPassesWithZeroCreditButNeverOvertakesData() throws Exception {
    writeRecords(0, 2);
    awaitCreditExhausted(0); // the receiver holds both buffers it had credit for, nothing is queued
    CheckpointBarrier first = new CheckpointBarrier(1, 10, ALIGNED);
    writer.broadcastEvent(first);
    writeRecords(2, 10); // 8 buffers queue for credit
    CheckpointBarrier second = new CheckpointBarrier(2, 20, CheckpointOptions.savepoint("/savepoints/jöb"));
    writer.broadcastEvent(second);
    writer.broadcastEvent(new CancelCheckpointMarker(2));
    fence();

    // the first barrier needed no credit; the second and the marker stay behind the data before them
    List<NetworkBuffer> held = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      NetworkBuffer data = gate.poll();
      assertEquals(List.of("r-" + i), GateLog.records(data));
      held.add(data);
    }
    assertEquals(first, gate.poll().event());
    assertNull(gate.poll(), "nothing else has arrived: the rest waits for credit");
    assertEquals(0, target.credit());
    assertEquals(10, target.queued(), "8 buffers, the second barrier and the cancel marker");

    held.forEach(NetworkBuffer::recycle); // credit flows again
    writer.broadcastEvent(EndOfInput.INSTANCE);
    List<Object> expected = new ArrayList<>();
    for (int i = 2; i < 10; i++) {
      expected.add(List.of("r-" + i));
    }
    expected.add(second);
    expected.add(new CancelCheckpointMarker(2));
    expected.add(EndOfInput.INSTANCE);
    assertEquals(expected, new GateLog(1).readToEnd(gate).channel(0));
  }

  @Test
  void unalignedBarriersKeepTheirOrderAmongThemselves() throws Exception {
    writeRecords(0, 4);
    awaitCreditExhausted(2);
    CheckpointBarrier third = new CheckpointBarrier(3, 0, UNALIGNED);
    writer.broadcastEvent(third); // jumps r-2, r-3
    writeRecords(4, 5);
    CheckpointBarrier fourth = new CheckpointBarrier(4, 0, UNALIGNED);
    writer.broadcastEvent(fourth); // jumps r-2, r-3, r-4, but not the third barrier
    fence();

    assertEquals(third.overtook(2 + 2), gate.poll().event());
    assertEquals(fourth.overtook(3 + 2), gate.poll().event());
    writer.broadcastEvent(EndOfInput.INSTANCE);
    assertEquals(records(0, 5), new GateLog(1).readToEnd(gate).recordsOf(0));
  }

  @Test
  void onlyUnalignedBarriersTravelWithPriority() {
    assertThrows(IllegalArgumentException.class,
        () -> target.addPriority(NetworkBuffer.event(new CheckpointBarrier(1, 0, ALIGNED), 0)));
    assertThrows(IllegalArgumentException.class,
        () -> target.addPriority(NetworkBuffer.event(new CancelCheckpointMarker(1), 0)));
    assertEquals(0, target.queued());
  }

  @Test
  void aBarrierWithAnUnsendableLocationFailsInTheProducer() {
    CheckpointBarrier tooLong = new CheckpointBarrier(1, 0, CheckpointOptions.savepoint("d".repeat(EventCodec.MAX_TARGET_LOCATION_BYTES + 1)));
    assertThrows(IllegalArgumentException.class, () -> writer.broadcastEvent(tooLong));
    assertEquals(0, target.queued());
  }

  @Test
  void barriersAndMarkersFromBusyProducersLandAtTheirCutOnEveryChannel() throws Exception {
    // the fixture's gates are not used here: a two-channel gate fed by two producer threads
    InputGate busy = new InputGate(2);
    tms.b.registerGate(JOB, 0, "sink", 2, Set.of(0, 1), busy);
    List<List<Object>> scripts = List.of(script("a", 6_000, 7), script("b", 5_000, 3));
    List<ScriptedProducer> producers = List.of(
        new ScriptedProducer(tms.a.remoteTarget(tms.peerB(), channel(2, 0)), 0, scripts.get(0)),
        new ScriptedProducer(tms.a.remoteTarget(tms.peerB(), channel(2, 1)), 1, scripts.get(1)));
    GateLog log = new GateLog(2).readToEnd(busy);
    for (ScriptedProducer producer : producers) {
      producer.done.get(10, TimeUnit.SECONDS);
    }
    for (int channel = 0; channel < 2; channel++) {
      assertCutsMatch(scripts.get(channel), log, channel);
    }
  }

  /**
   * {@code count} records with an aligned barrier, its cancel marker and {@code unaligned} unaligned
   * barriers spread between them.
   */
  private static List<Object> script(String prefix, int count, int unaligned) {
    List<Object> script = new ArrayList<>();
    long checkpoint = 1;
    int every = count / (unaligned + 2);
    for (int i = 0; i < count; i++) {
      if (i == every) {
        script.add(new CheckpointBarrier(checkpoint, i, ALIGNED));
        script.add(new CancelCheckpointMarker(checkpoint++));
      } else if (i > every && i % every == 0) {
        script.add(new CheckpointBarrier(checkpoint++, i, UNALIGNED));
      }
      script.add(prefix + "-" + i);
    }
    return script;
  }

  /**
   * Every record arrived, in order; every event arrived in its order; and each barrier's cut, the
   * records before it on the channel plus those in the {@code overtaken} data buffers after it, is
   * exactly the records written before it.
   */
  private static void assertCutsMatch(List<Object> script, GateLog log, int channel) {
    List<String> written = script.stream().filter(String.class::isInstance).map(String.class::cast).toList();
    assertEquals(written, log.recordsOf(channel));
    List<Object> arrived = log.channel(channel);
    List<ChannelEvent> events = new ArrayList<>();
    int expectedCut = 0;
    List<Integer> cuts = new ArrayList<>();
    for (Object entry : script) {
      if (entry instanceof String) {
        expectedCut++;
      } else {
        cuts.add(expectedCut);
      }
    }
    int next = 0;
    for (int position = 0; position < arrived.size(); position++) {
      if (!(arrived.get(position) instanceof ChannelEvent event) || event instanceof EndOfInput) {
        continue;
      }
      events.add(event);
      int overtaken = event instanceof CheckpointBarrier barrier ? barrier.overtaken() : 0;
      if (event instanceof CheckpointBarrier barrier && !barrier.isPriority()) {
        assertEquals(0, overtaken, "aligned barriers never overtake");
      }
      assertEquals(cuts.get(next++), cutAt(arrived, log.recordsBefore(channel, position), position, overtaken),
          "cut of " + event + " on channel " + channel);
    }
    List<Object> writtenEvents = script.stream().filter(ChannelEvent.class::isInstance).toList();
    assertEquals(writtenEvents.size(), events.size());
    for (int i = 0; i < events.size(); i++) {
      ChannelEvent sent = (ChannelEvent) writtenEvents.get(i);
      ChannelEvent got = events.get(i);
      if (got instanceof CheckpointBarrier barrier) {
        assertInstanceOf(CheckpointBarrier.class, sent);
        assertEquals(((CheckpointBarrier) sent).overtook(barrier.overtaken()), barrier, "all fields but overtaken travel unchanged");
      } else {
        assertEquals(sent, got);
      }
    }
  }

  private static int cutAt(List<Object> arrived, int before, int position, int overtaken) {
    int cut = before;
    for (int i = position + 1; overtaken > 0; i++) {
      if (arrived.get(i) instanceof List<?> buffer) {
        cut += buffer.size();
        overtaken--;
      }
    }
    return cut;
  }

  /** A producer thread writing records and events in the given order through a small pool, then END_OF_INPUT. */
  private static final class ScriptedProducer {
    final java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();

    ScriptedProducer(io.weir.runtime.network.ChannelTarget target, int channelIndex, List<Object> script) {
      RecordWriter writer = new ForwardRecordWriter(StringSerializer.INSTANCE, new BufferPool(4, 256), target, channelIndex, "sink");
      Thread thread = new Thread(() -> {
        try {
          for (Object entry : script) {
            if (entry instanceof ChannelEvent event) {
              writer.broadcastEvent(event);
            } else {
              writer.emit(entry);
            }
          }
          writer.broadcastEvent(EndOfInput.INSTANCE);
          done.complete(null);
        } catch (Throwable t) {
          writer.releaseBuffers();
          done.completeExceptionally(t);
        }
      }, "scripted-producer-" + channelIndex);
      thread.setDaemon(true);
      thread.start();
    }
  }
}
