package io.weir.runtime.window;

import io.weir.api.AggregateFunction;
import io.weir.api.TimeWindow;
import io.weir.api.TimerService;
import io.weir.state.KeyGroupRange;
import io.weir.state.KeyGroups;
import io.weir.state.backend.StateBackend;
import io.weir.state.heap.HeapStateBackend;
import io.weir.state.rocksdb.RocksDbStateBackend;
import io.weir.state.serialization.IntSerializer;
import io.weir.state.serialization.LongSerializer;
import io.weir.state.snapshot.LocalDirectorySnapshotStorage;
import io.weir.state.timers.KeyedTimers;
import io.weir.state.timers.TimerKeyedStateBackend;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * What the pre-aggregated window tests share: operator instances (a keyed backend with timers and
 * a window runner summing values, on heap or RocksDB, over a key-group range, optionally restored
 * from {@link #storage}), an input with disorder and late records, its watermarks, and the oracle.
 */
final class WindowTestBed implements AutoCloseable {
  static final int MAX_PARALLELISM = 16;
  static final long SIZE = 1_000;
  static final long BOUND = 200;
  static final int KEYS = 300;

  private final Path dir;
  private final ExecutorService writer = Executors.newSingleThreadExecutor();
  private final List<TimerKeyedStateBackend> opened = new ArrayList<>();
  final LocalDirectorySnapshotStorage storage;

  WindowTestBed(Path dir) throws IOException {
    this.dir = dir;
    this.storage = new LocalDirectorySnapshotStorage(dir.resolve("snapshots"));
  }

  /** Closes {@code backend} with the bed. */
  TimerKeyedStateBackend track(TimerKeyedStateBackend backend) {
    opened.add(backend);
    return backend;
  }

  @Override
  public void close() {
    opened.forEach(TimerKeyedStateBackend::close);
    writer.shutdown();
  }

  record Event(int key, long timestamp, long value) {}

  record Firing(Object key, long start, long end, long result) {}

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

  /** A timer service that is not {@link KeyedTimers}, so the runner takes its per-key path. */
  record PerKeyTimers(KeyedTimers timers) implements TimerService {
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
  record Setup(WindowAssigner assigner, long lateness, boolean perKey, String backend) {
    Setup on(String otherBackend) {
      return new Setup(assigner, lateness, perKey, otherBackend);
    }

    Setup perKey(boolean path) {
      return new Setup(assigner, lateness, path, backend);
    }
  }

  /** One operator instance over a key-group range: a keyed backend with timers and a window runner. */
  final class Instance {
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

    void record(Object key, TimeWindow window, Long result) {
      fired.add(new Firing(key, window.start(), window.end(), result));
    }
  }

  static int keyGroup(int key) {
    return KeyGroups.keyGroupFor(Integer.hashCode(key), MAX_PARALLELISM);
  }

  /** Out-of-order events within BOUND, some later than that (late, some within a lateness of 500). */
  static List<Event> events(long seed, int count) {
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
  static long watermarkAfter(List<Event> events, int processed) {
    long max = Long.MIN_VALUE;
    for (int i = 0; i < processed - processed % 50; i++) {
      max = Math.max(max, events.get(i).timestamp());
    }
    return processed < 50 ? Long.MIN_VALUE : max - BOUND - 1;
  }

  /** Feeds events [from, to) to the instances owning their keys, with the watermark every 50 events. */
  static void feed(List<Event> events, int from, int to, List<Instance> instances) throws Exception {
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

  List<Firing> runWithoutFailure(Setup setup, List<Event> events) throws Exception {
    List<Firing> fired = new ArrayList<>();
    Instance only = new Instance(setup, new KeyGroupRange(0, MAX_PARALLELISM - 1), fired);
    feed(events, 0, events.size(), List.of(only));
    only.advanceWatermark(Long.MAX_VALUE);
    return fired;
  }

  static Map<Firing, Integer> counted(List<Firing> firings) {
    Map<Firing, Integer> counts = new HashMap<>();
    firings.forEach(f -> counts.merge(f, 1, Integer::sum));
    return counts;
  }

  /** Windows' sums as the oracle computes them: each record counts if it arrived before its window's end plus lateness. */
  static Map<String, Long> oracle(List<Event> events, long lateness) {
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
}
