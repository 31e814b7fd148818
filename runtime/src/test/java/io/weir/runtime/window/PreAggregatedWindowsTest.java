package io.weir.runtime.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.AggregateFunction;
import io.weir.api.TimerService;
import io.weir.state.KeyGroupRange;
import io.weir.state.KeyGroups;
import io.weir.state.backend.StateBackend;
import io.weir.state.heap.HeapStateBackend;
import io.weir.state.rocksdb.RocksDbStateBackend;
import io.weir.state.serialization.BinaryInput;
import io.weir.state.serialization.BinaryOutput;
import io.weir.state.serialization.IntSerializer;
import io.weir.state.serialization.LongSerializer;
import io.weir.state.serialization.TypeSerializer;
import io.weir.state.snapshot.LocalDirectorySnapshotStorage;
import io.weir.state.timers.KeyedTimers;
import io.weir.state.timers.TimerKeyedStateBackend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
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
 * The pre-aggregating window path ({@link PreAggregatedWindows}) against a run without failures,
 * against the per-key path, and across snapshots restored at other parallelisms, onto the other
 * backend, and from the per-key path's snapshots: no window may be lost, fire twice, or fire
 * with other contents than in a run without a restore.
 */
@Timeout(120)
class PreAggregatedWindowsTest {
  private static final int MAX_PARALLELISM = 16;
  private static final long SIZE = 1_000;
  private static final long BOUND = 200;
  private static final int KEYS = 300;

  @TempDir Path dir;
  private final ExecutorService writer = Executors.newSingleThreadExecutor();
  private final List<TimerKeyedStateBackend> opened = new ArrayList<>();
  private LocalDirectorySnapshotStorage storage;

  @AfterEach
  void tearDown() {
    opened.forEach(TimerKeyedStateBackend::close);
    writer.shutdown();
  }

  private record Event(int key, long timestamp, long value) {}

  private record Firing(Object key, long start, long end, long result) {}

  /** Sums the values. */
  public static final class Sum implements AggregateFunction<Event, Long, Long> {
    @Override
    public Long createAccumulator() {
      return 0L;
    }

    @Override
    public Long add(Event value, Long accumulator) {
      return accumulator + value.value();
    }

    @Override
    public Long getResult(Long accumulator) {
      return accumulator;
    }
  }

  /** Sums the values into a mutable accumulator, changed in place. */
  public static final class InPlaceSum implements AggregateFunction<Event, long[], Long> {
    @Override
    public long[] createAccumulator() {
      return new long[1];
    }

    @Override
    public long[] add(Event value, long[] accumulator) {
      accumulator[0] += value.value();
      return accumulator;
    }

    @Override
    public Long getResult(long[] accumulator) {
      return accumulator[0];
    }
  }

  private static final TypeSerializer<long[]> ONE_LONG = new TypeSerializer<>() {
    @Override
    public void serialize(long[] value, BinaryOutput out) {
      LongSerializer.INSTANCE.serialize(value[0], out);
    }

    @Override
    public long[] deserialize(BinaryInput in) {
      return new long[] {LongSerializer.INSTANCE.deserialize(in)};
    }
  };

  /** A timer service that is not {@link KeyedTimers}, so the runner takes its per-key path. */
  private record PerKeyTimers(KeyedTimers timers) implements TimerService {
    public long currentWatermark() {
      return timers.currentWatermark();
    }

    public long currentProcessingTime() {
      return timers.currentProcessingTime();
    }

    public void registerEventTimeTimer(long timestamp) {
      timers.registerEventTimeTimer(timestamp);
    }

    public void deleteEventTimeTimer(long timestamp) {
      timers.deleteEventTimeTimer(timestamp);
    }

    public void registerProcessingTimeTimer(long timestamp) {
      timers.registerProcessingTimeTimer(timestamp);
    }

    public void deleteProcessingTimeTimer(long timestamp) {
      timers.deleteProcessingTimeTimer(timestamp);
    }
  }

  /** What an instance runs: windows, lateness, path and backend. */
  private record Setup(WindowAssigner assigner, long lateness, boolean perKey, String backend) {
    Setup on(String otherBackend) {
      return new Setup(assigner, lateness, perKey, otherBackend);
    }

    Setup perKey(boolean path) {
      return new Setup(assigner, lateness, path, backend);
    }
  }

  /** One operator instance over a key-group range: a keyed backend with timers and a window runner. */
  private final class Instance {
    final KeyGroupRange range;
    final TimerKeyedStateBackend backend;
    final WindowRunner<Event, Long, Long> runner;
    final List<Firing> fired;

    Instance(Setup setup, KeyGroupRange range, List<Firing> fired, String... restoreFrom) {
      this.range = range;
      this.fired = fired;
      StateBackend backends = setup.backend().equals("heap")
          ? new HeapStateBackend() : new RocksDbStateBackend(dir.resolve("rocks-" + opened.size()));
      backend = new TimerKeyedStateBackend(backends.createKeyedBackend("win", range, MAX_PARALLELISM,
          IntSerializer.INSTANCE), MAX_PARALLELISM, () -> 0L);
      opened.add(backend);
      if (restoreFrom.length > 0) {
        backend.restore(storage, List.of(restoreFrom), IntSerializer.INSTANCE);
      }
      TimerService timers = setup.perKey() ? new PerKeyTimers(backend.timers()) : backend.timers();
      runner = new WindowRunner<>(backend, timers, setup.assigner(), WindowAggregation.of(new Sum()),
          LongSerializer.INSTANCE, true, setup.lateness(), 0, 0);
    }

    boolean owns(Event e) {
      return range.contains(keyGroup(e.key()));
    }

    void process(Event e) throws Exception {
      backend.setCurrentKey(e.key(), keyGroup(e.key()));
      runner.add(e.timestamp(), e, this::record, late -> {});
    }

    void advanceWatermark(long watermark) throws Exception {
      backend.timers().advanceWatermark(watermark, (ts, domain) -> runner.onTimer(ts, domain, this::record));
    }

    void snapshot(String name) {
      backend.snapshot(name, IntSerializer.INSTANCE, storage, writer).join();
    }

    private void record(Object key, io.weir.api.TimeWindow window, Long result) {
      fired.add(new Firing(key, window.start(), window.end(), result));
    }
  }

  private static int keyGroup(int key) {
    return KeyGroups.keyGroupFor(Integer.hashCode(key), MAX_PARALLELISM);
  }

  /** Out-of-order events within BOUND, some later than that (late, some within a lateness of 500). */
  private static List<Event> events(long seed, int count) {
    Random random = new Random(seed);
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      long ts = i * 2L - random.nextInt((int) BOUND + 1);
      if (random.nextInt(40) == 0) {
        ts -= 300 + random.nextInt(900);
      }
      events.add(new Event(random.nextInt(KEYS), Math.max(0, ts), 1 + random.nextInt(1_000)));
    }
    return events;
  }

  /** The watermark after the first {@code processed} events: every 50 events, the latest timestamp minus the bound. */
  private static long watermarkAfter(List<Event> events, int processed) {
    long max = Long.MIN_VALUE;
    for (int i = 0; i < processed - processed % 50; i++) {
      max = Math.max(max, events.get(i).timestamp());
    }
    return processed < 50 ? Long.MIN_VALUE : max - BOUND - 1;
  }

  /** Feeds events [from, to) to the instances owning their keys, with the watermark every 50 events. */
  private static void feed(List<Event> events, int from, int to, List<Instance> instances) throws Exception {
    for (int i = from; i < to; i++) {
      Event e = events.get(i);
      for (Instance instance : instances) {
        if (instance.owns(e)) {
          instance.process(e);
        }
      }
      if ((i + 1) % 50 == 0) {
        for (Instance instance : instances) {
          instance.advanceWatermark(watermarkAfter(events, i + 1));
        }
      }
    }
  }

  private List<Firing> runWithoutFailure(Setup setup, List<Event> events) throws Exception {
    List<Firing> fired = new ArrayList<>();
    Instance only = new Instance(setup, new KeyGroupRange(0, MAX_PARALLELISM - 1), fired);
    feed(events, 0, events.size(), List.of(only));
    only.advanceWatermark(Long.MAX_VALUE);
    return fired;
  }

  private static Map<Firing, Integer> counted(List<Firing> firings) {
    Map<Firing, Integer> counts = new HashMap<>();
    firings.forEach(f -> counts.merge(f, 1, Integer::sum));
    return counts;
  }

  /** Windows' sums as the oracle computes them: each record counts if it arrived before its window's end plus lateness. */
  private static Map<String, Long> oracle(List<Event> events, long lateness) {
    Map<String, Long> sums = new TreeMap<>();
    for (int i = 0; i < events.size(); i++) {
      Event e = events.get(i);
      long start = e.timestamp() - Math.floorMod(e.timestamp(), SIZE);
      if (start + SIZE - 1 + lateness > watermarkAfter(events, i)) {
        sums.merge(e.key() + "@" + start, e.value(), Long::sum);
      }
    }
    return sums;
  }

  /**
   * Tumbling windows, no lateness: one instance, snapshot, two instances (the other backend),
   * snapshot, one instance again. Every window fires exactly once, with the same sum as without
   * the restores and as the oracle.
   */
  @ParameterizedTest
  @ValueSource(strings = {"heap", "rocksdb"})
  void everyWindowFiresOnceAcrossSnapshotsAndRescaling(String kind) throws Exception {
    storage = new LocalDirectorySnapshotStorage(dir.resolve("snapshots"));
    Setup setup = new Setup(WindowAssigner.tumbling(SIZE), 0, false, kind);
    Setup other = setup.on(kind.equals("heap") ? "rocksdb" : "heap");
    List<Event> events = events(11, 12_000);
    List<Firing> reference = runWithoutFailure(setup, events);

    Map<String, Long> byWindow = new TreeMap<>();
    reference.forEach(f -> assertEquals(null, byWindow.put(f.key() + "@" + f.start(), f.result()), "fired twice: " + f));
    assertEquals(oracle(events, 0), byWindow, "each window holds the records that were in time for it");

    List<Firing> fired = new ArrayList<>();
    Instance one = new Instance(setup, new KeyGroupRange(0, MAX_PARALLELISM - 1), fired);
    feed(events, 0, 4_025, List.of(one)); // mid-way between watermarks: some windows have records but have not fired
    one.snapshot("p1");
    List<Instance> two = List.of(
        new Instance(other, new KeyGroupRange(0, 6), fired, "p1"),
        new Instance(other, new KeyGroupRange(7, MAX_PARALLELISM - 1), fired, "p1"));
    for (Instance instance : two) {
      instance.advanceWatermark(watermarkAfter(events, 4_025)); // restored instances learn the watermark again
    }
    feed(events, 4_025, 8_010, two);
    two.get(0).snapshot("p2-a");
    two.get(1).snapshot("p2-b");
    Instance again = new Instance(setup, new KeyGroupRange(0, MAX_PARALLELISM - 1), fired, "p2-a", "p2-b");
    again.advanceWatermark(watermarkAfter(events, 8_010));
    feed(events, 8_010, events.size(), List.of(again));
    again.advanceWatermark(Long.MAX_VALUE);

    assertEquals(counted(reference), counted(fired), "the same firings as without the restores, none lost or doubled");
  }

  /**
   * With allowed lateness, windows that fired and are kept for late records are in the snapshot:
   * after the restore they fire again only for late records, not when the watermark passes them again.
   */
  @ParameterizedTest
  @ValueSource(strings = {"heap", "rocksdb"})
  void firedWindowsKeptForLatenessDoNotFireAgainAfterARestore(String kind) throws Exception {
    storage = new LocalDirectorySnapshotStorage(dir.resolve("snapshots"));
    Setup setup = new Setup(WindowAssigner.sliding(SIZE, 250), 500, false, kind);
    List<Event> events = events(5, 8_000);
    List<Firing> reference = runWithoutFailure(setup, events);

    List<Firing> fired = new ArrayList<>();
    Instance first = new Instance(setup, new KeyGroupRange(0, MAX_PARALLELISM - 1), fired);
    feed(events, 0, 3_000, List.of(first));
    first.snapshot("late");
    List<Instance> two = List.of(
        new Instance(setup, new KeyGroupRange(0, 9), fired, "late"),
        new Instance(setup, new KeyGroupRange(10, MAX_PARALLELISM - 1), fired, "late"));
    for (Instance instance : two) {
      instance.advanceWatermark(watermarkAfter(events, 3_000));
    }
    feed(events, 3_000, events.size(), two);
    for (Instance instance : two) {
      instance.advanceWatermark(Long.MAX_VALUE);
    }
    Set<String> windows = new HashSet<>();
    reference.forEach(f -> windows.add(f.key() + "@" + f.start()));
    assertTrue(reference.size() > windows.size(), "late records fired windows again");
    assertEquals(counted(reference), counted(fired), "the same firings as without the restore");
  }

  /**
   * The pre-aggregating path emits what the per-key path emits, in the same order (per watermark:
   * windows by end, keys in the order they reached the window).
   */
  @ParameterizedTest
  @ValueSource(strings = {"tumbling", "sliding"})
  void firesAsThePerKeyPathInTheSameOrder(String windows) throws Exception {
    WindowAssigner assigner = windows.equals("tumbling") ? WindowAssigner.tumbling(SIZE) : WindowAssigner.sliding(SIZE, 200);
    Setup fast = new Setup(assigner, 0, false, "heap");
    List<Event> events = events(3, 6_000);
    List<Firing> expected = runWithoutFailure(fast.perKey(true), events);
    assertEquals(expected, runWithoutFailure(fast, events));
    assertTrue(expected.size() > 1_000, "windows fired: " + expected.size());
  }

  /**
   * A snapshot of the per-key path (accumulators, ends and timers per key) restores into the
   * pre-aggregating path: windows that had fired (kept for lateness) do not fire again.
   */
  @ParameterizedTest
  @ValueSource(strings = {"heap", "rocksdb"})
  void restoresASnapshotOfThePerKeyPath(String kind) throws Exception {
    storage = new LocalDirectorySnapshotStorage(dir.resolve("snapshots"));
    Setup fast = new Setup(WindowAssigner.tumbling(SIZE), 1_500, false, kind); // windows that fired are kept at the cut
    List<Event> events = events(8, 8_000);
    List<Firing> reference = runWithoutFailure(fast, events);

    List<Firing> before = new ArrayList<>();
    Instance perKey = new Instance(fast.perKey(true), new KeyGroupRange(0, MAX_PARALLELISM - 1), before);
    feed(events, 0, 4_000, List.of(perKey)); // right after a watermark: the per-key path's timers due by then fired
    perKey.snapshot("per-key");
    List<Firing> after = new ArrayList<>();
    Instance restored = new Instance(fast, new KeyGroupRange(0, MAX_PARALLELISM - 1), after, "per-key");
    restored.advanceWatermark(watermarkAfter(events, 4_000));
    assertEquals(List.of(), after, "nothing fires again when the restored instance learns the watermark");
    feed(events, 4_000, 6_000, List.of(restored));
    restored.snapshot("pre-aggregated"); // of this path's format only: restored again, nothing is taken for a per-key window
    Instance again = new Instance(fast.on(kind.equals("heap") ? "rocksdb" : "heap"),
        new KeyGroupRange(0, MAX_PARALLELISM - 1), after, "pre-aggregated");
    again.advanceWatermark(watermarkAfter(events, 6_000));
    feed(events, 6_000, events.size(), List.of(again));
    again.advanceWatermark(Long.MAX_VALUE);

    Map<String, Long> last = new TreeMap<>();
    Map<String, Long> expectedLast = new TreeMap<>();
    before.forEach(f -> last.put(f.key() + "@" + f.start(), f.result()));
    after.forEach(f -> last.put(f.key() + "@" + f.start(), f.result()));
    reference.forEach(f -> expectedLast.put(f.key() + "@" + f.start(), f.result()));
    assertEquals(expectedLast, last, "every window's last result as without the restore");
    Set<Firing> afterRestore = new HashSet<>(after);
    for (Firing f : reference) {
      if (!before.contains(f)) {
        assertTrue(afterRestore.contains(f), "a firing after the snapshot is missing: " + f);
      }
    }
  }

  /**
   * Rescaling joins instances whose watermarks differ: a window one of them fired (and keeps for
   * lateness) and the other did not. After the restore only the other's keys fire it.
   */
  @Test
  void windowsFiredByOnlyOneOfTheJoinedInstancesFireOnlyForTheOthersKeys() throws Exception {
    storage = new LocalDirectorySnapshotStorage(dir.resolve("snapshots"));
    Setup setup = new Setup(WindowAssigner.tumbling(SIZE), 5_000, false, "heap");
    List<Firing> fired = new ArrayList<>();
    Instance low = new Instance(setup, new KeyGroupRange(0, 7), fired);
    Instance high = new Instance(setup, new KeyGroupRange(8, MAX_PARALLELISM - 1), fired);
    List<Integer> lowKeys = new ArrayList<>();
    List<Integer> highKeys = new ArrayList<>();
    for (int key = 0; key < 40; key++) {
      Instance owner = low.owns(new Event(key, 0, 0)) ? low : high;
      (owner == low ? lowKeys : highKeys).add(key);
      owner.process(new Event(key, 100, key));
    }
    low.advanceWatermark(SIZE - 1); // fires [0, 1000) for the low keys; kept for the lateness
    assertEquals(lowKeys.size(), fired.size());
    low.snapshot("low");
    high.snapshot("high");

    fired.clear();
    Instance joined = new Instance(setup, new KeyGroupRange(0, MAX_PARALLELISM - 1), fired, "low", "high");
    joined.advanceWatermark(SIZE - 1);
    List<Object> keys = new ArrayList<>();
    fired.forEach(f -> keys.add(f.key()));
    assertEquals(new HashSet<>(highKeys), new HashSet<>(keys), "only the keys whose window had not fired");
    assertEquals(highKeys.size(), keys.size(), "once each");

    fired.clear();
    joined.backend.setCurrentKey(lowKeys.get(0), keyGroup(lowKeys.get(0)));
    joined.runner.add(200, new Event(lowKeys.get(0), 200, 1_000), joined::record, late -> {});
    assertEquals(List.of(new Firing(lowKeys.get(0), 0, SIZE, lowKeys.get(0) + 1_000L)), fired,
        "a late record within the lateness fires the restored window with its restored contents");
  }

  /**
   * The heap backend writes a snapshot while processing goes on: accumulators changed in place
   * after the snapshot started must not reach it.
   */
  @ParameterizedTest
  @ValueSource(strings = {"heap", "rocksdb"})
  void aSnapshotHoldsTheAccumulatorsAsTheyWereWhenItStarted(String kind) throws Exception {
    storage = new LocalDirectorySnapshotStorage(dir.resolve("snapshots"));
    StateBackend backends = kind.equals("heap") ? new HeapStateBackend() : new RocksDbStateBackend(dir.resolve("rocks"));
    KeyGroupRange all = new KeyGroupRange(0, MAX_PARALLELISM - 1);
    TimerKeyedStateBackend backend = new TimerKeyedStateBackend(
        backends.createKeyedBackend("win", all, MAX_PARALLELISM, IntSerializer.INSTANCE), MAX_PARALLELISM, () -> 0L);
    opened.add(backend);
    WindowRunner<Event, long[], Long> runner = new WindowRunner<>(backend, backend.timers(),
        WindowAssigner.tumbling(SIZE), WindowAggregation.of(new InPlaceSum()), ONE_LONG, true, 0, 0, 0);
    for (int key = 0; key < 20; key++) {
      backend.setCurrentKey(key, keyGroup(key));
      runner.add(10, new Event(key, 10, 5), (k, w, r) -> {}, late -> {});
    }
    List<Runnable> deferred = new ArrayList<>();
    var written = backend.snapshot("mid", IntSerializer.INSTANCE, storage, deferred::add);
    for (int key = 0; key < 20; key++) { // changed in place before the snapshot is written
      backend.setCurrentKey(key, keyGroup(key));
      runner.add(20, new Event(key, 20, 1_000), (k, w, r) -> {}, late -> {});
    }
    deferred.forEach(Runnable::run);
    written.join();

    TimerKeyedStateBackend restoredBackend = new TimerKeyedStateBackend(
        new HeapStateBackend().createKeyedBackend("win", all, MAX_PARALLELISM, IntSerializer.INSTANCE),
        MAX_PARALLELISM, () -> 0L);
    opened.add(restoredBackend);
    restoredBackend.restore(storage, List.of("mid"), IntSerializer.INSTANCE);
    WindowRunner<Event, long[], Long> restored = new WindowRunner<>(restoredBackend, restoredBackend.timers(),
        WindowAssigner.tumbling(SIZE), WindowAggregation.of(new InPlaceSum()), ONE_LONG, true, 0, 0, 0);
    Map<Object, Long> results = new TreeMap<>();
    restoredBackend.timers().advanceWatermark(Long.MAX_VALUE,
        (ts, domain) -> restored.onTimer(ts, domain, (k, w, r) -> results.put(k, r)));
    assertEquals(20, results.size());
    results.forEach((k, r) -> assertEquals(5L, r, "key " + k));
    assertFalse(results.containsValue(1_005L));
  }
}
