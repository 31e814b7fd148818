package io.weir.runtime.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.runtime.fixtures.WordCountJob;
import io.weir.state.KeyGroups;
import io.weir.state.serialization.BinaryInput;
import io.weir.state.serialization.StringSerializer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Channels that hand over record objects instead of bytes: the same records, in the same order
 * per channel, interleaved with events at the same places, through the same bounded pool.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ObjectHandOverTest {
  private static final int BUFFER = 64; // 8 objects per buffer: many hand-overs
  private static final int MAX_PARALLELISM = 128;

  /** A target outside this process: has to see bytes. */
  private static final class RemoteLike implements ChannelTarget {
    final List<NetworkBuffer> received = new ArrayList<>();

    @Override
    public void add(NetworkBuffer buffer) {
      received.add(buffer);
    }
  }

  /** Reads one gate until END_OF_INPUT: records and event markers ("@" + event) in arrival order. */
  private static List<Object> consume(InputGate gate, boolean expectObjects) {
    List<Object> seen = new ArrayList<>();
    BinaryInput in = new BinaryInput();
    while (true) {
      NetworkBuffer buffer = gate.take();
      if (buffer.isEvent()) {
        if (buffer.event() instanceof EndOfInput) {
          return seen;
        }
        seen.add("@" + buffer.event());
        continue;
      }
      assertEquals(expectObjects, buffer.holdsObjects());
      if (buffer.holdsObjects()) {
        seen.addAll(Arrays.asList(buffer.objects()).subList(0, buffer.records()));
        int[] keyGroups = buffer.keyGroups();
        for (int i = 0; i < buffer.records(); i++) {
          assertEquals(KeyGroups.keyGroupFor(buffer.objects()[i].hashCode(), MAX_PARALLELISM), keyGroups[i],
              "a keyed edge hands over each record's key group");
        }
        assertTrue(buffer.records() <= BUFFER / 8, "at most bufferSize / 8 objects per buffer");
      } else {
        in.reset(buffer.data(), 0, buffer.length());
        for (int i = 0; i < buffer.records(); i++) {
          seen.add(StringSerializer.INSTANCE.deserialize(in));
        }
      }
      buffer.recycle();
    }
  }

  /** {@link #consume}, cancelling the producer's pool if it fails, so the producer fails instead of waiting forever. */
  private static List<Object> consumeOrCancel(InputGate gate, boolean expectObjects, BufferPool pool) {
    try {
      return consume(gate, expectObjects);
    } catch (RuntimeException | Error e) {
      pool.cancel();
      throw e;
    }
  }

  private static int channelOf(String record, int parallelism) {
    return KeyGroups.subtaskFor(KeyGroups.keyGroupFor(record.hashCode(), MAX_PARALLELISM), MAX_PARALLELISM, parallelism);
  }

  /**
   * A producer and two concurrent consumers through a pool of 5 buffers: every record reaches the
   * owner of its key exactly once, as the very object emitted, in emission order, with every
   * watermark between the same records as emitted, and the pool never lends more than it has.
   */
  @Test
  void objectsArriveOncePerChannelInOrderBetweenTheSameEventsUnderBackpressure() throws Exception {
    check(true);
  }

  /** The same run with the hand-over off: the oracle of the test above holds for bytes too. */
  @Test
  void theSameRunWithBytesGivesTheSameSequences() throws Exception {
    check(false);
  }

  private static void check(boolean handOver) throws Exception {
    int parallelism = 2;
    InputGate[] gates = {new InputGate(1), new InputGate(1)};
    BufferPool pool = new BufferPool(5, BUFFER);
    HashRecordWriter writer = new HashRecordWriter(StringSerializer.INSTANCE, pool, gates, new int[] {0, 0}, "Count",
        new WordCountJob.WordKeys(), 0, MAX_PARALLELISM);
    writer.handOverObjects(handOver);
    List<List<Object>> expected = List.of(new ArrayList<>(), new ArrayList<>());
    ExecutorService consumers = Executors.newFixedThreadPool(parallelism);
    try {
      List<Future<List<Object>>> received = new ArrayList<>();
      for (InputGate gate : gates) {
        received.add(consumers.submit(() -> consumeOrCancel(gate, handOver, pool)));
      }
      for (int i = 0; i < 20_000; i++) {
        String record = "w" + (i % 97) + "-" + i;
        writer.emit(record);
        expected.get(channelOf(record, parallelism)).add(record);
        if (i % 1000 == 999) {
          Watermark watermark = new Watermark(i);
          writer.broadcastEvent(watermark);
          for (List<Object> channel : expected) {
            channel.add("@" + watermark);
          }
        }
        if (i % 333 == 0) {
          writer.flush(); // partly filled buffers, as a buffer timeout ships them
        }
      }
      writer.broadcastEvent(EndOfInput.INSTANCE);
      for (int c = 0; c < parallelism; c++) {
        List<Object> got = received.get(c).get(20, TimeUnit.SECONDS);
        assertEquals(expected.get(c), got, "channel " + c);
        if (handOver) {
          for (int i = 0; i < got.size(); i++) {
            Object sent = expected.get(c).get(i);
            if (!((String) sent).startsWith("@")) { // event markers are made up on each side
              assertSame(sent, got.get(i), "the consumer gets the emitted object itself");
            }
          }
        }
      }
    } finally {
      consumers.shutdownNow();
    }
    assertEquals(0, pool.inUse(), "every buffer went back to the pool");
    assertTrue(pool.maxInUse() <= pool.capacity());
  }

  @Test
  void onlyImmutableTypesIntoThisProcessHandOverObjects() {
    InputGate local = new InputGate(1);
    RemoteLike remote = new RemoteLike();
    BroadcastRecordWriter strings = new BroadcastRecordWriter(StringSerializer.INSTANCE, new BufferPool(8, BUFFER),
        new ChannelTarget[] {local, remote}, new int[] {0, 0}, "Both");
    strings.handOverObjects(true);
    assertTrue(strings.handsOverObjects(0));
    assertFalse(strings.handsOverObjects(1), "a target outside the process needs bytes");

    String record = "shared";
    strings.emit(record);
    strings.flush();
    NetworkBuffer toLocal = local.poll();
    assertTrue(toLocal.holdsObjects());
    assertNull(toLocal.keyGroups(), "no key groups on an edge that is not keyed");
    assertSame(record, toLocal.objects()[0]);
    NetworkBuffer toRemote = remote.received.get(0);
    assertFalse(toRemote.holdsObjects());
    BinaryInput in = new BinaryInput();
    in.reset(toRemote.data(), 0, toRemote.length());
    assertEquals(record, StringSerializer.INSTANCE.deserialize(in));

    ForwardRecordWriter mutable = new ForwardRecordWriter(BytesSerializer.INSTANCE, new BufferPool(8, BUFFER),
        new InputGate(1), 0, "Mutable");
    mutable.handOverObjects(true);
    assertFalse(mutable.handsOverObjects(0), "byte[] records can change after emit: they are copied as bytes");

    ForwardRecordWriter off = new ForwardRecordWriter(StringSerializer.INSTANCE, new BufferPool(8, BUFFER),
        new InputGate(1), 0, "Off");
    off.handOverObjects(false);
    assertFalse(off.handsOverObjects(0));
  }

  @Test
  void aRecycledBufferKeepsNoConsumedRecordReachable() {
    InputGate gate = new InputGate(1);
    BufferPool pool = new BufferPool(1, BUFFER);
    ForwardRecordWriter writer = new ForwardRecordWriter(StringSerializer.INSTANCE, pool, gate, 0, "Count");
    writer.handOverObjects(true);
    writer.emit("one");
    writer.emit("two");
    writer.flush();
    NetworkBuffer buffer = gate.poll();
    Object[] array = buffer.objects();
    assertEquals(List.of("one", "two"), Arrays.asList(array).subList(0, buffer.records()));
    buffer.recycle();
    assertNull(array[0]);
    assertNull(array[1]);
    assertFalse(buffer.holdsObjects());
    writer.emit("three"); // the one buffer of the pool is reused for objects
    writer.flush();
    NetworkBuffer again = gate.poll();
    assertSame(buffer, again);
    assertEquals(1, again.records());
    assertEquals("three", again.objects()[0]);
  }

  @Test
  void theModeCannotChangeOnceRecordsAreBuffered() {
    ForwardRecordWriter writer = new ForwardRecordWriter(StringSerializer.INSTANCE, new BufferPool(8, BUFFER),
        new InputGate(1), 0, "Late");
    writer.emit("first");
    assertThrows(IllegalStateException.class, () -> writer.handOverObjects(true));
  }

  /** What an unaligned checkpoint stores of a buffer of objects: the bytes the byte path would have sent. */
  @Test
  void aBufferOfObjectsSerializesToTheBytesOfTheSameRecords() {
    InputGate objects = new InputGate(1);
    InputGate bytes = new InputGate(1);
    ForwardRecordWriter toObjects = new ForwardRecordWriter(StringSerializer.INSTANCE, new BufferPool(8, 4096), objects,
        0, "Objects");
    toObjects.handOverObjects(true);
    ForwardRecordWriter toBytes = new ForwardRecordWriter(StringSerializer.INSTANCE, new BufferPool(8, 4096), bytes, 0,
        "Bytes");
    for (String s : List.of("a", "", "wörd", "w10000", "\u20ac uro")) {
      toObjects.emit(s);
      toBytes.emit(s);
    }
    toObjects.flush();
    toBytes.flush();
    NetworkBuffer o = objects.poll();
    NetworkBuffer b = bytes.poll();
    assertTrue(o.holdsObjects());
    assertEquals(5, o.records());
    assertArrayEquals(Arrays.copyOf(b.data(), b.length()), o.serializedCopy());
    assertArrayEquals(Arrays.copyOf(b.data(), b.length()), b.serializedCopy());
    assertThrows(IllegalStateException.class, o::data, "a buffer of objects has no bytes to read directly");
  }
}
