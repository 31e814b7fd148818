package io.weir.runtime.window;

import static io.weir.runtime.window.WindowTestBed.MAX_PARALLELISM;
import static io.weir.runtime.window.WindowTestBed.SIZE;
import static io.weir.runtime.window.WindowTestBed.events;
import static io.weir.runtime.window.WindowTestBed.keyGroup;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.AggregateFunction;
import io.weir.runtime.window.WindowTestBed.Event;
import io.weir.runtime.window.WindowTestBed.Firing;
import io.weir.runtime.window.WindowTestBed.Setup;
import io.weir.state.KeyGroupRange;
import io.weir.state.backend.StateBackend;
import io.weir.state.heap.HeapStateBackend;
import io.weir.state.rocksdb.RocksDbStateBackend;
import io.weir.state.serialization.BinaryInput;
import io.weir.state.serialization.BinaryOutput;
import io.weir.state.serialization.IntSerializer;
import io.weir.state.serialization.LongSerializer;
import io.weir.state.serialization.TypeSerializer;
import io.weir.state.timers.TimerKeyedStateBackend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The pre-aggregating window path ({@link PreAggregatedWindows}) against the per-key path it
 * replaces (same firings, same order), and its snapshot writes against an asynchronous heap
 * snapshot (accumulators changed in place after it started must not reach it). Restores are in
 * {@link PreAggregatedWindowsRestoreTest}.
 */
@Timeout(120)
class PreAggregatedWindowsTest {
  @TempDir Path dir;
  private WindowTestBed bed;

  @BeforeEach
  void setUp() throws Exception {
    bed = new WindowTestBed(dir);
  }

  @AfterEach
  void tearDown() {
    bed.close();
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
    List<Firing> expected = bed.runWithoutFailure(fast.perKey(true), events);
    assertEquals(expected, bed.runWithoutFailure(fast, events));
    assertTrue(expected.size() > 1_000, "windows fired: " + expected.size());
  }

  /**
   * The heap backend writes a snapshot while processing goes on: accumulators changed in place
   * after the snapshot started must not reach it.
   */
  @ParameterizedTest
  @ValueSource(strings = {"heap", "rocksdb"})
  void aSnapshotHoldsTheAccumulatorsAsTheyWereWhenItStarted(String kind) throws Exception {
    StateBackend backends = kind.equals("heap") ? new HeapStateBackend() : new RocksDbStateBackend(dir.resolve("rocks"));
    KeyGroupRange all = new KeyGroupRange(0, MAX_PARALLELISM - 1);
    TimerKeyedStateBackend backend = new TimerKeyedStateBackend(
        backends.createKeyedBackend("win", all, MAX_PARALLELISM, IntSerializer.INSTANCE), MAX_PARALLELISM, () -> 0L);
    bed.track(backend);
    WindowRunner<Event, long[], Long> runner = new WindowRunner<>(backend, backend.timers(),
        WindowAssigner.tumbling(SIZE), WindowAggregation.of(new InPlaceSum()), ONE_LONG, true, 0, 0, 0);
    for (int key = 0; key < 20; key++) {
      backend.setCurrentKey(key, keyGroup(key));
      runner.add(10, new Event(key, 10, 5), (k, w, r) -> {}, late -> {});
    }
    List<Runnable> deferred = new ArrayList<>();
    var written = backend.snapshot("mid", IntSerializer.INSTANCE, bed.storage, deferred::add);
    for (int key = 0; key < 20; key++) { // changed in place before the snapshot is written
      backend.setCurrentKey(key, keyGroup(key));
      runner.add(20, new Event(key, 20, 1_000), (k, w, r) -> {}, late -> {});
    }
    deferred.forEach(Runnable::run);
    written.join();

    TimerKeyedStateBackend restoredBackend = new TimerKeyedStateBackend(
        new HeapStateBackend().createKeyedBackend("win", all, MAX_PARALLELISM, IntSerializer.INSTANCE),
        MAX_PARALLELISM, () -> 0L);
    bed.track(restoredBackend);
    restoredBackend.restore(bed.storage, List.of("mid"), IntSerializer.INSTANCE);
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
