package io.weir.runtime.window;

import static io.weir.runtime.window.WindowTestBed.MAX_PARALLELISM;
import static io.weir.runtime.window.WindowTestBed.SIZE;
import static io.weir.runtime.window.WindowTestBed.counted;
import static io.weir.runtime.window.WindowTestBed.events;
import static io.weir.runtime.window.WindowTestBed.feed;
import static io.weir.runtime.window.WindowTestBed.keyGroup;
import static io.weir.runtime.window.WindowTestBed.oracle;
import static io.weir.runtime.window.WindowTestBed.watermarkAfter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.runtime.window.WindowTestBed.Event;
import io.weir.runtime.window.WindowTestBed.Firing;
import io.weir.runtime.window.WindowTestBed.Instance;
import io.weir.runtime.window.WindowTestBed.Setup;
import io.weir.state.KeyGroupRange;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The pre-aggregating window path ({@link PreAggregatedWindows}) across snapshots restored at other
 * parallelisms, onto the other backend, from instances with different watermarks, and from the
 * per-key path's snapshots: no window may be lost, fire twice, or fire with other contents than in
 * a run without a restore.
 */
@Timeout(120)
class PreAggregatedWindowsRestoreTest {
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

  /**
   * Tumbling windows, no lateness: one instance, snapshot, two instances (the other backend),
   * snapshot, one instance again. Every window fires exactly once, with the same sum as without
   * the restores and as the oracle.
   */
  @ParameterizedTest
  @ValueSource(strings = {"heap", "rocksdb"})
  void everyWindowFiresOnceAcrossSnapshotsAndRescaling(String kind) throws Exception {
    Setup setup = new Setup(WindowAssigner.tumbling(SIZE), 0, false, kind);
    Setup other = setup.on(kind.equals("heap") ? "rocksdb" : "heap");
    List<Event> events = events(11, 12_000);
    List<Firing> reference = bed.runWithoutFailure(setup, events);

    Map<String, Long> byWindow = new TreeMap<>();
    reference.forEach(f -> assertEquals(null, byWindow.put(f.key() + "@" + f.start(), f.result()), "fired twice: " + f));
    assertEquals(oracle(events, 0), byWindow, "each window holds the records that were in time for it");

    List<Firing> fired = new ArrayList<>();
    Instance one = bed.new Instance(setup, new KeyGroupRange(0, MAX_PARALLELISM - 1), fired);
    feed(events, 0, 4_025, List.of(one)); // mid-way between watermarks: some windows have records but have not fired
    one.snapshot("p1");
    List<Instance> two = List.of(
        bed.new Instance(other, new KeyGroupRange(0, 6), fired, "p1"),
        bed.new Instance(other, new KeyGroupRange(7, MAX_PARALLELISM - 1), fired, "p1"));
    for (Instance instance : two) {
      instance.advanceWatermark(watermarkAfter(events, 4_025)); // restored instances learn the watermark again
    }
    feed(events, 4_025, 8_010, two);
    two.get(0).snapshot("p2-a");
    two.get(1).snapshot("p2-b");
    Instance again = bed.new Instance(setup, new KeyGroupRange(0, MAX_PARALLELISM - 1), fired, "p2-a", "p2-b");
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
    Setup setup = new Setup(WindowAssigner.sliding(SIZE, 250), 500, false, kind);
    List<Event> events = events(5, 8_000);
    List<Firing> reference = bed.runWithoutFailure(setup, events);

    List<Firing> fired = new ArrayList<>();
    Instance first = bed.new Instance(setup, new KeyGroupRange(0, MAX_PARALLELISM - 1), fired);
    feed(events, 0, 3_000, List.of(first));
    first.snapshot("late");
    List<Instance> two = List.of(
        bed.new Instance(setup, new KeyGroupRange(0, 9), fired, "late"),
        bed.new Instance(setup, new KeyGroupRange(10, MAX_PARALLELISM - 1), fired, "late"));
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
   * A snapshot of the per-key path (accumulators, ends and timers per key) restores into the
   * pre-aggregating path: windows that had fired (kept for lateness) do not fire again.
   */
  @ParameterizedTest
  @ValueSource(strings = {"heap", "rocksdb"})
  void restoresASnapshotOfThePerKeyPath(String kind) throws Exception {
    Setup fast = new Setup(WindowAssigner.tumbling(SIZE), 1_500, false, kind); // windows that fired are kept at the cut
    List<Event> events = events(8, 8_000);
    List<Firing> reference = bed.runWithoutFailure(fast, events);

    List<Firing> before = new ArrayList<>();
    Instance perKey = bed.new Instance(fast.perKey(true), new KeyGroupRange(0, MAX_PARALLELISM - 1), before);
    feed(events, 0, 4_000, List.of(perKey)); // right after a watermark: the per-key path's timers due by then fired
    perKey.snapshot("per-key");
    List<Firing> after = new ArrayList<>();
    Instance restored = bed.new Instance(fast, new KeyGroupRange(0, MAX_PARALLELISM - 1), after, "per-key");
    restored.advanceWatermark(watermarkAfter(events, 4_000));
    assertEquals(List.of(), after, "nothing fires again when the restored instance learns the watermark");
    feed(events, 4_000, 6_000, List.of(restored));
    restored.snapshot("pre-aggregated"); // of this path's format only: restored again, nothing is taken for a per-key window
    Instance again = bed.new Instance(fast.on(kind.equals("heap") ? "rocksdb" : "heap"),
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
    Setup setup = new Setup(WindowAssigner.tumbling(SIZE), 5_000, false, "heap");
    List<Firing> fired = new ArrayList<>();
    Instance low = bed.new Instance(setup, new KeyGroupRange(0, 7), fired);
    Instance high = bed.new Instance(setup, new KeyGroupRange(8, MAX_PARALLELISM - 1), fired);
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
    Instance joined = bed.new Instance(setup, new KeyGroupRange(0, MAX_PARALLELISM - 1), fired, "low", "high");
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
}
