package io.weir.runtime.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.runtime.operator.KeySelector;
import io.weir.state.KeyGroups;
import io.weir.state.serialization.BinaryInput;
import io.weir.state.serialization.BinaryOutput;
import io.weir.state.serialization.TypeSerializer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RecordWriterTest {
  private static final int BUFFER = 256;

  /** Everything queued in {@code gate} for {@code channel}, deserialized, with each buffer recycled. */
  private static List<Object> drain(InputGate gate, TypeSerializer<?> serializer, List<NetworkBuffer> seen) {
    List<Object> records = new ArrayList<>();
    BinaryInput in = new BinaryInput();
    NetworkBuffer buffer;
    while ((buffer = gate.poll()) != null) {
      seen.add(buffer);
      if (!buffer.isEvent()) {
        in.reset(buffer.data(), 0, buffer.length());
        for (int i = 0; i < buffer.records(); i++) {
          records.add(serializer.deserialize(in));
        }
        assertFalse(in.hasRemaining(), "a buffer holds whole records only");
        buffer.recycle();
      }
    }
    return records;
  }

  @Test
  void recordsOfEverySizeArriveWholeAndInOrder() {
    BufferPool pool = new BufferPool(64, BUFFER);
    InputGate gate = new InputGate(1);
    ForwardRecordWriter writer = new ForwardRecordWriter(BytesSerializer.INSTANCE, pool, gate, 0, "Target");
    SplittableRandom random = new SplittableRandom(7);
    List<byte[]> sent = new ArrayList<>();
    List<Object> received = new ArrayList<>();
    List<NetworkBuffer> buffers = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      // mostly small records, some larger than a buffer, and empty ones
      int size = i % 97 == 0 ? BUFFER + random.nextInt(3 * BUFFER) : i % 13 == 0 ? 0 : random.nextInt(60);
      byte[] record = new byte[size];
      random.nextBytes(record);
      sent.add(record);
      writer.emit(record);
      if (i % 50 == 0) {
        received.addAll(drain(gate, BytesSerializer.INSTANCE, buffers));
      }
    }
    writer.broadcastEvent(EndOfInput.INSTANCE);
    received.addAll(drain(gate, BytesSerializer.INSTANCE, buffers));

    assertEquals(sent.size(), received.size());
    for (int i = 0; i < sent.size(); i++) {
      assertArrayEquals(sent.get(i), (byte[]) received.get(i), "record " + i);
    }
    assertSame(EndOfInput.INSTANCE, buffers.get(buffers.size() - 1).event());
    assertEquals(0, pool.inUse(), "every buffer went back to the pool");
    assertTrue(pool.maxInUse() <= pool.capacity());
  }

  @Test
  void oversizedBuffersDoNotStayInThePool() {
    BufferPool pool = new BufferPool(1, BUFFER);
    InputGate gate = new InputGate(1);
    ForwardRecordWriter writer = new ForwardRecordWriter(BytesSerializer.INSTANCE, pool, gate, 0, "Target");
    writer.emit(new byte[10 * BUFFER]);
    NetworkBuffer big = gate.poll();
    assertEquals(1, big.records());
    assertTrue(big.data().length > BUFFER);
    big.recycle();
    writer.emit(new byte[10]);
    writer.flush();
    NetworkBuffer small = gate.poll();
    assertSame(big, small, "the pool reuses its one buffer");
    assertEquals(BUFFER, small.data().length, "with its own array again");
  }

  @Test
  void zeroByteRecordsAreCounted() {
    TypeSerializer<String> nothing = new TypeSerializer<>() {
      @Override
      public void serialize(String value, BinaryOutput out) {}

      @Override
      public String deserialize(BinaryInput in) {
        return "unit";
      }
    };
    InputGate gate = new InputGate(1);
    ForwardRecordWriter writer = new ForwardRecordWriter(nothing, new BufferPool(2, BUFFER), gate, 0, "Target");
    for (int i = 0; i < 5; i++) {
      writer.emit("unit");
    }
    writer.flush();
    assertEquals(List.of("unit", "unit", "unit", "unit", "unit"), drain(gate, nothing, new ArrayList<>()));
  }

  @Test
  void hashRoutesEachKeyToTheOwnerOfItsKeyGroup() {
    int parallelism = 3;
    int maxParallelism = 128;
    InputGate[] gates = {new InputGate(1), new InputGate(1), new InputGate(1)};
    KeySelector byValue = new KeySelector() {
      @Override
      public Object key(int input, Object record) {
        return record;
      }

      @Override
      public int keyHash(int input, Object record) {
        return Long.hashCode((Long) record);
      }

      @Override
      public TypeSerializer<?> keySerializer() {
        return LongSerializerForTest.INSTANCE;
      }
    };
    HashRecordWriter writer = new HashRecordWriter(LongSerializerForTest.INSTANCE, new BufferPool(64, BUFFER), gates,
        new int[] {0, 0, 0}, "Keyed", byValue, 0, maxParallelism);
    for (long v = 0; v < 1000; v++) {
      writer.emit(v);
    }
    writer.flush();
    int total = 0;
    for (int subtask = 0; subtask < parallelism; subtask++) {
      for (Object record : drain(gates[subtask], LongSerializerForTest.INSTANCE, new ArrayList<>())) {
        int keyGroup = KeyGroups.keyGroupFor(Long.hashCode((Long) record), maxParallelism);
        assertEquals(subtask, KeyGroups.subtaskFor(keyGroup, maxParallelism, parallelism), "record " + record);
        total++;
      }
    }
    assertEquals(1000, total);
  }

  @Test
  void roundRobinAndBroadcastSpreadAsDocumented() {
    InputGate[] gates = {new InputGate(1), new InputGate(1), new InputGate(1)};
    RoundRobinRecordWriter rr = new RoundRobinRecordWriter(LongSerializerForTest.INSTANCE, new BufferPool(8, BUFFER), gates,
        new int[] {0, 0, 0}, "Target", 1);
    for (long v = 0; v < 7; v++) {
      rr.emit(v);
    }
    rr.flush();
    assertEquals(List.of(2L, 5L), drain(gates[0], LongSerializerForTest.INSTANCE, new ArrayList<>()));
    assertEquals(List.of(0L, 3L, 6L), drain(gates[1], LongSerializerForTest.INSTANCE, new ArrayList<>()));
    assertEquals(List.of(1L, 4L), drain(gates[2], LongSerializerForTest.INSTANCE, new ArrayList<>()));

    BroadcastRecordWriter all = new BroadcastRecordWriter(LongSerializerForTest.INSTANCE, new BufferPool(64, BUFFER), gates,
        new int[] {0, 0, 0}, "Target");
    for (long v = 0; v < 100; v++) {
      all.emit(v);
    }
    all.flush();
    for (InputGate gate : gates) {
      List<Object> got = drain(gate, LongSerializerForTest.INSTANCE, new ArrayList<>());
      assertEquals(100, got.size());
      assertEquals(99L, got.get(99));
    }
  }

  @Test
  void serializerFailureNamesTargetAndSerializer() {
    TypeSerializer<String> broken = new TypeSerializer<>() {
      @Override
      public void serialize(String value, BinaryOutput out) {
        throw new IllegalStateException("cannot write " + value);
      }

      @Override
      public String deserialize(BinaryInput in) {
        return null;
      }

      @Override
      public String formatId() {
        return "broken-format";
      }
    };
    ForwardRecordWriter writer = new ForwardRecordWriter(broken, new BufferPool(2, BUFFER), new InputGate(1), 0, "Target");
    RecordWriteException e = assertThrows(RecordWriteException.class, () -> writer.emit("x"));
    assertTrue(e.getMessage().contains("'Target'") && e.getMessage().contains("broken-format"), e.getMessage());
    assertEquals("cannot write x", e.getCause().getMessage());
  }
}
