package io.weir.state.timers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.TimeDomain;
import io.weir.state.KeyGroupRange;
import io.weir.state.KeyGroups;
import io.weir.state.ValueState;
import io.weir.state.backend.StateBackend;
import io.weir.state.backend.StateDescriptor;
import io.weir.state.heap.HeapStateBackend;
import io.weir.state.rocksdb.RocksDbOptions;
import io.weir.state.rocksdb.RocksDbStateBackend;
import io.weir.state.serialization.StringSerializer;
import io.weir.state.snapshot.LocalDirectorySnapshotStorage;
import io.weir.state.snapshot.SharedFileRegistry;
import io.weir.state.snapshot.SnapshotManifest;
import io.weir.state.snapshot.SnapshotStorage;
import io.weir.state.snapshot.SnapshotType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@Timeout(60)
class KeyedTimersTest {
  private static final int MAX_PARALLELISM = 16;
  private final ExecutorService writer = Executors.newSingleThreadExecutor();
  private final List<TimerKeyedStateBackend> opened = new ArrayList<>();
  @TempDir Path dir;
  private long now;

  @AfterEach
  void tearDown() {
    opened.forEach(TimerKeyedStateBackend::close);
    writer.shutdown();
  }

  static Stream<Arguments> backends() {
    return Stream.of(Arguments.of("heap"), Arguments.of("rocksdb"));
  }

  private StateBackend backend(String name, String sub) {
    return name.equals("heap") ? new HeapStateBackend() : new RocksDbStateBackend(dir.resolve("rocks-" + sub));
  }

  private TimerKeyedStateBackend open(String backend, String sub, KeyGroupRange range) {
    TimerKeyedStateBackend timers = new TimerKeyedStateBackend(
        backend(backend, sub).createKeyedBackend("op", range, MAX_PARALLELISM, StringSerializer.INSTANCE),
        MAX_PARALLELISM, () -> now);
    opened.add(timers);
    return timers;
  }

  private static void key(TimerKeyedStateBackend backend, String key) {
    backend.setCurrentKey(key, KeyGroups.keyGroupFor(key.hashCode(), MAX_PARALLELISM));
  }

  /** Fires into a list of "key@timestamp/domain" strings, reading the key's state to show it is in scope. */
  private static TimerCallback recorder(TimerKeyedStateBackend backend, List<String> fired) {
    ValueState<String> tag = backend.valueState(StateDescriptor.value("tag", StringSerializer.INSTANCE));
    return (timestamp, domain) -> fired.add(backend.currentKey() + "@" + timestamp + "/" + domain + "=" + tag.value());
  }

  @ParameterizedTest
  @MethodSource("backends")
  void eventTimeTimersFireInTimestampOrderWithTheirKeyCurrent(String kind) throws Exception {
    TimerKeyedStateBackend backend = open(kind, "a", new KeyGroupRange(0, MAX_PARALLELISM - 1));
    ValueState<String> tag = backend.valueState(StateDescriptor.value("tag", StringSerializer.INSTANCE));
    KeyedTimers timers = backend.timers();
    key(backend, "b");
    tag.update("B");
    timers.registerEventTimeTimer(20);
    timers.registerEventTimeTimer(20); // one timer per key and timestamp
    key(backend, "a");
    tag.update("A");
    timers.registerEventTimeTimer(10);
    timers.registerEventTimeTimer(30);
    timers.deleteEventTimeTimer(30);
    List<String> fired = new ArrayList<>();
    timers.advanceWatermark(19, recorder(backend, fired));
    assertEquals(List.of("a@10/EVENT_TIME=A"), fired);
    timers.advanceWatermark(100, recorder(backend, fired));
    assertEquals(List.of("a@10/EVENT_TIME=A", "b@20/EVENT_TIME=B"), fired);
    assertEquals(100, timers.currentWatermark());
    assertEquals(0, timers.timerCount(TimeDomain.EVENT_TIME));
  }

  @ParameterizedTest
  @MethodSource("backends")
  void aTimerRegisteredWhileFiringFiresInTheSameAdvanceWhenDue(String kind) throws Exception {
    TimerKeyedStateBackend backend = open(kind, "a", new KeyGroupRange(0, MAX_PARALLELISM - 1));
    KeyedTimers timers = backend.timers();
    key(backend, "k");
    timers.registerEventTimeTimer(5);
    List<Long> fired = new ArrayList<>();
    timers.advanceWatermark(50, (ts, domain) -> {
      fired.add(ts);
      if (ts < 40) {
        timers.registerEventTimeTimer(ts + 10);
      }
    });
    assertEquals(List.of(5L, 15L, 25L, 35L, 45L), fired);
  }

  @Test
  void timersNeedACurrentKey() {
    TimerKeyedStateBackend backend = open("heap", "a", new KeyGroupRange(0, MAX_PARALLELISM - 1));
    assertThrows(IllegalStateException.class, () -> backend.timers().registerEventTimeTimer(1));
  }

  /**
   * Timers of many keys survive a snapshot and a restore split over two instances (and onto the
   * other backend); processing-time timers that came due while "down" fire at the first advance.
   */
  @ParameterizedTest
  @MethodSource("backends")
  void timersSnapshotAndRestoreAtAnotherParallelismAndBackend(String kind) throws Exception {
    SnapshotStorage storage = new LocalDirectorySnapshotStorage(dir.resolve("snapshots"));
    TimerKeyedStateBackend before = open(kind, "before", new KeyGroupRange(0, MAX_PARALLELISM - 1));
    ValueState<String> tag = before.valueState(StateDescriptor.value("tag", StringSerializer.INSTANCE));
    List<String> expectedEvent = new ArrayList<>();
    List<String> expectedProcessing = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String k = "key" + i;
      key(before, k);
      tag.update("t" + i);
      before.timers().registerEventTimeTimer(1000 + i);
      before.timers().registerProcessingTimeTimer(500 + i);
      expectedEvent.add(k + "@" + (1000 + i) + "/EVENT_TIME=t" + i);
      expectedProcessing.add(k + "@" + (500 + i) + "/PROCESSING_TIME=t" + i);
    }
    key(before, "key0");
    before.timers().deleteEventTimeTimer(1000); // deleted before the snapshot: must not come back
    expectedEvent.remove(0);
    before.snapshot("s1", StringSerializer.INSTANCE, storage, writer).join();
    before.timers().registerEventTimeTimer(7); // after the snapshot: must not be in it

    String other = kind.equals("heap") ? "rocksdb" : "heap";
    List<String> firedEvent = new ArrayList<>();
    List<String> firedProcessing = new ArrayList<>();
    int half = MAX_PARALLELISM / 2;
    for (KeyGroupRange range : List.of(new KeyGroupRange(0, half - 1), new KeyGroupRange(half, MAX_PARALLELISM - 1))) {
      TimerKeyedStateBackend after = open(other, "after" + range.first(), range);
      after.restore(storage, List.of("s1"), StringSerializer.INSTANCE);
      now = 10_000; // the job was down past every processing-time timer
      after.timers().advanceProcessingTime(recorder(after, firedProcessing));
      after.timers().advanceWatermark(Long.MAX_VALUE, recorder(after, firedEvent));
    }
    assertEquals(sorted(expectedEvent), sorted(firedEvent));
    assertEquals(sorted(expectedProcessing), sorted(firedProcessing));
  }

  @ParameterizedTest
  @MethodSource("backends")
  void firedTimersAreGoneFromTheNextSnapshot(String kind) throws Exception {
    SnapshotStorage storage = new LocalDirectorySnapshotStorage(dir.resolve("snapshots"));
    TimerKeyedStateBackend before = open(kind, "before", new KeyGroupRange(0, MAX_PARALLELISM - 1));
    key(before, "x");
    before.timers().registerEventTimeTimer(10);
    before.timers().registerEventTimeTimer(20);
    before.timers().advanceWatermark(15, (ts, d) -> {});
    before.snapshot("s2", StringSerializer.INSTANCE, storage, writer).join();
    TimerKeyedStateBackend after = open(kind, "after", new KeyGroupRange(0, MAX_PARALLELISM - 1));
    after.restore(storage, List.of("s2"), StringSerializer.INSTANCE);
    assertEquals(1, after.timers().timerCount(TimeDomain.EVENT_TIME));
    assertEquals(20, after.timers().nextEventTime());
  }

  /**
   * An operator with timers on RocksDB configured for incremental snapshots gets them: the type is
   * passed through to the wrapped backend (it used to be dropped, so every snapshot was full), and
   * the timers restore from the incremental snapshot.
   */
  @Test
  void incrementalSnapshotsOfTheWrappedRocksDbBackendKeepTheTimers() throws Exception {
    SnapshotStorage storage = new LocalDirectorySnapshotStorage(dir.resolve("snapshots"));
    SharedFileRegistry registry = new SharedFileRegistry(storage);
    KeyGroupRange all = new KeyGroupRange(0, MAX_PARALLELISM - 1);
    RocksDbOptions incremental = new RocksDbOptions(1, 8, 1).withSnapshotType(SnapshotType.INCREMENTAL);
    TimerKeyedStateBackend before = new TimerKeyedStateBackend(
        new RocksDbStateBackend(dir.resolve("rocks-incremental"), incremental)
            .createKeyedBackend("op", all, MAX_PARALLELISM, StringSerializer.INSTANCE),
        MAX_PARALLELISM, () -> now);
    opened.add(before);
    assertEquals(SnapshotType.INCREMENTAL, before.defaultSnapshotType());
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      key(before, "key" + i);
      before.timers().registerEventTimeTimer(100 + i);
      expected.add("key" + i + "@" + (100 + i) + "/EVENT_TIME=null");
    }
    SnapshotManifest first = before.snapshot("i1", StringSerializer.INSTANCE, registry, writer).join();
    key(before, "late");
    before.timers().registerEventTimeTimer(500);
    expected.add("late@500/EVENT_TIME=null");
    SnapshotManifest second = before.snapshot("i2", StringSerializer.INSTANCE, registry, writer).join();

    Set<String> firstSsts = ssts(first);
    assertFalse(firstSsts.isEmpty(), "an incremental RocksDB snapshot is made of SST files: " + first.files());
    assertTrue(ssts(second).containsAll(firstSsts), "the second snapshot reuses the first one's SST files");

    TimerKeyedStateBackend after = open("heap", "after-incremental", all);
    after.restore(storage, List.of("i2"), StringSerializer.INSTANCE);
    List<String> fired = new ArrayList<>();
    after.timers().advanceWatermark(Long.MAX_VALUE, recorder(after, fired));
    assertEquals(sorted(expected), sorted(fired));
  }

  private static Set<String> ssts(SnapshotManifest manifest) {
    return manifest.files().stream().map(f -> f.name()).filter(n -> n.endsWith(".sst")).collect(Collectors.toSet());
  }

  /** The timers' map states are written only at snapshots: changes in between must add up to exactly the live timers. */
  @ParameterizedTest
  @MethodSource("backends")
  void changesBetweenSnapshotsAddUpToTheLiveTimers(String kind) throws Exception {
    SnapshotStorage storage = new LocalDirectorySnapshotStorage(dir.resolve("snapshots"));
    KeyGroupRange all = new KeyGroupRange(0, MAX_PARALLELISM - 1);
    TimerKeyedStateBackend before = open(kind, "before", all);
    key(before, "a");
    before.timers().registerEventTimeTimer(10);
    before.timers().registerEventTimeTimer(30);
    key(before, "b");
    before.timers().registerEventTimeTimer(10);
    before.snapshot("first", StringSerializer.INSTANCE, storage, writer).join();
    assertEquals("b", before.currentKey(), "a snapshot keeps the current key");

    // fire a@10 and b@10 (both saved in "first"), register a@10 again, register and delete c@40 and a@50,
    // delete a@30 (saved in "first")
    before.timers().advanceWatermark(10, (ts, d) -> {});
    key(before, "a");
    before.timers().registerEventTimeTimer(10);
    before.timers().deleteEventTimeTimer(30);
    before.timers().registerEventTimeTimer(50);
    before.timers().deleteEventTimeTimer(50);
    key(before, "c");
    before.timers().registerEventTimeTimer(40);
    before.timers().deleteEventTimeTimer(40);
    before.timers().registerEventTimeTimer(60);
    before.snapshot("second", StringSerializer.INSTANCE, storage, writer).join();

    TimerKeyedStateBackend after = open(kind, "after", all);
    after.restore(storage, List.of("second"), StringSerializer.INSTANCE);
    assertEquals(2, after.timers().timerCount(TimeDomain.EVENT_TIME));
    List<String> fired = new ArrayList<>();
    after.timers().advanceWatermark(100, (ts, d) -> fired.add(after.currentKey() + "@" + ts));
    assertEquals(List.of("a@10", "c@60"), fired);

    TimerKeyedStateBackend earlier = open(kind, "earlier", all);
    earlier.restore(storage, List.of("first"), StringSerializer.INSTANCE);
    List<String> firedEarlier = new ArrayList<>();
    earlier.timers().advanceWatermark(100, (ts, d) -> firedEarlier.add(earlier.currentKey() + "@" + ts));
    assertEquals(List.of("a@10", "a@30", "b@10"), sorted(firedEarlier)); // equal timestamps restore in key-group order
  }

  private static List<String> sorted(List<String> in) {
    List<String> copy = new ArrayList<>(in);
    copy.sort(null);
    return copy;
  }
}
