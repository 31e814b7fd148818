package io.weir.runtime.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.AggregateFunction;
import io.weir.api.TimeWindow;
import io.weir.state.KeyGroupRange;
import io.weir.state.KeyGroups;
import io.weir.state.backend.StateBackend;
import io.weir.state.heap.HeapStateBackend;
import io.weir.state.rocksdb.RocksDbStateBackend;
import io.weir.state.serialization.BinaryInput;
import io.weir.state.serialization.BinaryOutput;
import io.weir.state.serialization.LongSerializer;
import io.weir.state.serialization.StringSerializer;
import io.weir.state.serialization.TypeSerializer;
import io.weir.state.snapshot.LocalDirectorySnapshotStorage;
import io.weir.state.timers.TimerKeyedStateBackend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Windows against an oracle: out-of-order and late input, allowed lateness, a snapshot and restore
 * onto the other backend halfway, on heap and RocksDB.
 */
@Timeout(120)
class WindowRunnerTest {
  private static final int MAX_PARALLELISM = 8;
  private static final long SIZE = 1_000;
  private static final long SLIDE = 500;
  private static final long BOUND = 300;
  private static final long LATENESS = 200;

  @TempDir Path dir;
  private final ExecutorService writer = Executors.newSingleThreadExecutor();
  private final List<TimerKeyedStateBackend> opened = new ArrayList<>();
  private long now;

  @AfterEach
  void tearDown() {
    opened.forEach(TimerKeyedStateBackend::close);
    writer.shutdown();
  }

  /** Sums the timestamps of the records (records are their own timestamps). */
  public static final class Sum implements AggregateFunction<Long, Long, Long> {
    @Override
    public Long createAccumulator() {
      return 0L;
    }

    @Override
    public Long add(Long value, Long accumulator) {
      return accumulator + value;
    }

    @Override
    public Long getResult(Long accumulator) {
      return accumulator;
    }
  }

  private record Event(String key, long timestamp) {}

  private record Firing(String key, TimeWindow window, Object result, long watermark) {}

  /** One operator instance: a keyed backend with timers and a window runner on it. */
  private final class Instance<ACC, R> {
    final TimerKeyedStateBackend backend;
    final WindowRunner<Long, ACC, R> runner;
    final List<Firing> fired;
    final List<Long> late;

    Instance(String kind, WindowAssigner assigner, WindowAggregation<Long, ACC, R> aggregation,
        TypeSerializer<ACC> serializer, long lateness, long early, long count, List<Firing> fired, List<Long> late,
        String restoreFrom, LocalDirectorySnapshotStorage storage) {
      StateBackend backends = kind.equals("heap") ? new HeapStateBackend() : new RocksDbStateBackend(dir.resolve("rocks-" + opened.size()));
      backend = new TimerKeyedStateBackend(backends.createKeyedBackend("win", new KeyGroupRange(0, MAX_PARALLELISM - 1),
          MAX_PARALLELISM, StringSerializer.INSTANCE), MAX_PARALLELISM, () -> now);
      opened.add(backend);
      if (restoreFrom != null) {
        backend.restore(storage, List.of(restoreFrom), StringSerializer.INSTANCE);
      }
      runner = new WindowRunner<>(backend, backend.timers(), assigner, aggregation, serializer, true, lateness, early, count);
      this.fired = fired;
      this.late = late;
    }

    void process(Event e) throws Exception {
      backend.setCurrentKey(e.key(), KeyGroups.keyGroupFor(e.key().hashCode(), MAX_PARALLELISM));
      runner.add(e.timestamp(), e.timestamp(), this::record, late::add);
    }

    void advanceWatermark(long watermark) throws Exception {
      backend.timers().advanceWatermark(watermark, (ts, domain) -> runner.onTimer(ts, domain, this::record));
    }

    void setProcessingTime(long millis) throws Exception {
      now = millis;
      backend.timers().advanceProcessingTime((ts, domain) -> runner.onTimer(ts, domain, this::record));
    }

    private void record(Object key, TimeWindow window, R result) {
      fired.add(new Firing((String) key, window, result, backend.timers().currentWatermark()));
    }
  }

  /** Out-of-order events within BOUND of the latest, plus some far behind it; watermarks every 40 events. */
  private static List<Event> events(long seed) {
    Random random = new Random(seed);
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < 4_000; i++) {
      long ts = i * 7L - random.nextInt((int) BOUND + 1);
      if (random.nextInt(50) == 0) {
        ts -= 400 + random.nextInt(1_500); // late: some within the allowed lateness, most beyond it
      }
      events.add(new Event("k" + random.nextInt(7), Math.max(0, ts)));
    }
    return events;
  }

  private static long watermarkAfter(List<Event> events, int processed) {
    long max = Long.MIN_VALUE;
    for (int i = 0; i < processed; i++) {
      max = Math.max(max, events.get(i).timestamp());
    }
    return max - BOUND - 1;
  }

  @ParameterizedTest
  @ValueSource(strings = {"heap", "rocksdb"})
  void slidingSumsMatchTheOracleAcrossASnapshotOntoTheOtherBackend(String kind) throws Exception {
    List<Event> events = events(42);
    LocalDirectorySnapshotStorage storage = new LocalDirectorySnapshotStorage(dir.resolve("snapshots"));
    List<Firing> fired = new ArrayList<>();
    List<Long> late = new ArrayList<>();
    WindowAssigner sliding = WindowAssigner.sliding(SIZE, SLIDE);
    Instance<Long, Long> instance = new Instance<>(kind, sliding, WindowAggregation.of(new Sum()),
        LongSerializer.INSTANCE, LATENESS, 0, 0, fired, late, null, null);

    // oracle: per (key, window) the sum of the records accepted, given the watermark when each arrived
    Map<String, Long> expected = new TreeMap<>();
    List<Long> expectedLate = new ArrayList<>();
    long watermark = Long.MIN_VALUE;
    for (int i = 0; i < events.size(); i++) {
      if (i == events.size() / 2) {
        instance.backend.snapshot("half", StringSerializer.INSTANCE, storage, writer).join();
        String other = kind.equals("heap") ? "rocksdb" : "heap";
        instance = new Instance<>(other, sliding, WindowAggregation.of(new Sum()), LongSerializer.INSTANCE, LATENESS,
            0, 0, fired, late, "half", storage);
        instance.advanceWatermark(watermark); // the restored instance learns the watermark from its input again
      }
      Event e = events.get(i);
      boolean accepted = false;
      for (long start = e.timestamp() - Math.floorMod(e.timestamp(), SLIDE); start > e.timestamp() - SIZE;
          start -= SLIDE) {
        if (start + SIZE - 1 + LATENESS > watermark) {
          expected.merge(e.key() + "@" + start, e.timestamp(), Long::sum);
          accepted = true;
        }
      }
      if (!accepted) {
        expectedLate.add(e.timestamp());
      }
      instance.process(e);
      if (i % 40 == 39) {
        watermark = Math.max(watermark, watermarkAfter(events, i + 1));
        instance.advanceWatermark(watermark);
      }
    }
    instance.advanceWatermark(Long.MAX_VALUE);

    Map<String, Long> last = new TreeMap<>();
    Map<String, Integer> firings = new HashMap<>();
    for (Firing f : fired) {
      String id = f.key() + "@" + f.window().start();
      assertTrue(f.watermark() >= f.window().maxTimestamp(), "fired before the watermark reached its end: " + f);
      // the first firing may come with a watermark already past the lateness; later ones only within it
      assertTrue(!firings.containsKey(id) || f.window().maxTimestamp() + LATENESS > f.watermark(),
          "fired again after it was dropped: " + f);
      last.put(id, (Long) f.result());
      firings.merge(id, 1, Integer::sum);
    }
    assertEquals(expected, last, "the last firing of every window holds every record accepted into it");
    assertEquals(expectedLate, late, "records too late for all their windows go to the late handler");
    assertTrue(expectedLate.size() > 10, "the input has late records: " + expectedLate.size());
    assertTrue(fired.size() > expected.size(), "late records within the lateness fired windows again");
  }

  /** Sessions of in-order records per key, against sessions cut by plain Java; elements via the collecting aggregation. */
  @ParameterizedTest
  @ValueSource(strings = {"heap", "rocksdb"})
  void sessionsCollectEveryRecordOfTheirKey(String kind) throws Exception {
    long gap = 300;
    Random random = new Random(7);
    List<Event> events = new ArrayList<>();
    long t = 0;
    for (int i = 0; i < 600; i++) {
      t += random.nextInt(2) == 0 ? random.nextInt(100) : random.nextInt(800);
      events.add(new Event("k" + random.nextInt(3), t));
    }
    List<Firing> fired = new ArrayList<>();
    Instance<List<Long>, List<Long>> instance = new Instance<>(kind, WindowAssigner.session(gap),
        WindowAggregation.collecting(), new LongListSerializer(), 0, 0, 0, fired, new ArrayList<>(), null, null);
    for (int i = 0; i < events.size(); i++) {
      instance.process(events.get(i));
      if (i % 10 == 9) {
        instance.advanceWatermark(events.get(i).timestamp() - 1);
      }
    }
    instance.advanceWatermark(Long.MAX_VALUE);

    Map<String, List<Long>> expected = new TreeMap<>();
    Map<String, List<Long>> open = new LinkedHashMap<>();
    for (Event e : events) {
      List<Long> session = open.get(e.key());
      if (session != null && e.timestamp() >= session.get(session.size() - 1) + gap) {
        expected.put(e.key() + "@" + session.get(0) + "-" + (session.get(session.size() - 1) + gap), session);
        session = null;
      }
      if (session == null) {
        session = new ArrayList<>();
        open.put(e.key(), session);
      }
      session.add(e.timestamp());
    }
    open.forEach((key, s) -> expected.put(key + "@" + s.get(0) + "-" + (s.get(s.size() - 1) + gap), s));
    Map<String, List<Long>> actual = new TreeMap<>();
    for (Firing f : fired) {
      List<Long> elements = new ArrayList<>(castList(f.result()));
      elements.sort(null);
      actual.put(f.key() + "@" + f.window().start() + "-" + f.window().end(), elements);
    }
    assertEquals(expected, actual);
  }

  @Test
  void countTriggerAndEarlyFiringsReportPartialResults() throws Exception {
    List<Firing> fired = new ArrayList<>();
    Instance<Long, Long> instance = new Instance<>("heap", WindowAssigner.tumbling(SIZE),
        WindowAggregation.of(new Sum()), LongSerializer.INSTANCE, 0, 0, 2, fired, new ArrayList<>(), null, null);
    for (long ts : new long[] {10, 20, 30, 40, 50}) {
      instance.process(new Event("a", ts));
    }
    assertEquals(List.of(30L, 100L), fired.stream().map(Firing::result).toList(), "every second record");
    instance.advanceWatermark(999);
    assertEquals(150L, fired.get(2).result(), "and on time");

    List<Firing> early = new ArrayList<>();
    now = 0;
    Instance<Long, Long> withEarly = new Instance<>("heap", WindowAssigner.tumbling(SIZE),
        WindowAggregation.of(new Sum()), LongSerializer.INSTANCE, 0, 100, 0, early, new ArrayList<>(), null, null);
    withEarly.process(new Event("a", 5));
    withEarly.setProcessingTime(100);
    withEarly.process(new Event("a", 6));
    withEarly.setProcessingTime(150);
    withEarly.setProcessingTime(200);
    assertEquals(List.of(5L, 11L), early.stream().map(Firing::result).toList());
    withEarly.advanceWatermark(999);
    withEarly.setProcessingTime(1_000);
    assertEquals(List.of(5L, 11L, 11L), early.stream().map(Firing::result).toList(), "no early firing once closed");
  }

  @SuppressWarnings("unchecked")
  private static List<Long> castList(Object o) {
    return (List<Long>) o;
  }

  private static final class LongListSerializer implements TypeSerializer<List<Long>> {
    @Override
    public void serialize(List<Long> value, BinaryOutput out) {
      out.writeVarInt(value.size());
      for (Long v : value) {
        out.writeLong(v);
      }
    }

    @Override
    public List<Long> deserialize(BinaryInput in) {
      int n = in.readVarInt();
      List<Long> list = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        list.add(in.readLong());
      }
      return list;
    }
  }
}
