package io.weir.state.heap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.weir.state.KeyGroupRange;
import io.weir.state.ReducingState;
import io.weir.state.ValueState;
import io.weir.state.backend.KeyedStateBackend;
import io.weir.state.backend.StateDescriptor;
import io.weir.state.serialization.LongSerializer;
import io.weir.state.serialization.StringSerializer;
import io.weir.state.snapshot.LocalDirectorySnapshotStorage;
import io.weir.state.snapshot.SnapshotManifest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The remembered slot of the current key ({@link StateTable#slot}) must never write through to a
 * frozen snapshot map, a slot that moved, or an entry that is gone. Every key here is in the one
 * key group of max parallelism 1, so all of them share a map, its resizes and its probe runs.
 */
@Timeout(30)
class HeapSlotReuseTest {
  private static final StateDescriptor<Long> COUNT = StateDescriptor.value("count", LongSerializer.INSTANCE);

  @TempDir Path directory;
  private LocalDirectorySnapshotStorage storage;
  private KeyedStateBackend backend;
  private ValueState<Long> count;

  @BeforeEach
  void setUp() throws IOException {
    storage = new LocalDirectorySnapshotStorage(directory);
    backend = newBackend();
    count = backend.valueState(COUNT);
  }

  private static KeyedStateBackend newBackend() {
    return new HeapStateBackend().createKeyedBackend("op", new KeyGroupRange(0, 0), 1);
  }

  private void at(String key) {
    backend.setCurrentKey(key, 0);
  }

  private void increment() {
    Long previous = count.value();
    count.update(previous == null ? 1L : previous + 1L);
  }

  private CompletableFuture<SnapshotManifest> snapshot(String name, Queue<Runnable> writer) {
    return backend.snapshot(name, StringSerializer.INSTANCE, storage, writer::add);
  }

  /** The value of {@code key} in snapshot {@code name}, restored into a fresh backend. */
  private Long restoredValue(String name, String key) {
    KeyedStateBackend restored = newBackend();
    restored.restore(storage, List.of(name), StringSerializer.INSTANCE);
    ValueState<Long> state = restored.valueState(COUNT);
    restored.setCurrentKey(key, 0);
    return state.value();
  }

  @Test
  void aSnapshotBetweenValueAndUpdateKeepsTheOldValue() {
    at("a");
    count.update(1L);
    Long read = count.value(); // remembers a's slot in the map the snapshot is about to freeze
    Queue<Runnable> writer = new ArrayDeque<>();
    CompletableFuture<SnapshotManifest> pending = snapshot("s", writer);
    count.update(read + 1);
    writer.forEach(Runnable::run);
    pending.join();
    assertEquals(2L, count.value());
    assertEquals(1L, restoredValue("s", "a"));
  }

  @Test
  void snapshotsOfSuccessiveEpochsEachKeepTheirOwnValues() {
    Queue<Runnable> writer = new ArrayDeque<>();
    at("a");
    increment();
    CompletableFuture<SnapshotManifest> first = snapshot("e1", writer);
    increment();
    at("b"); // a new key in the copied map
    increment();
    at("a");
    CompletableFuture<SnapshotManifest> second = snapshot("e2", writer);
    increment();
    writer.forEach(Runnable::run);
    first.join();
    second.join();
    assertEquals(1L, restoredValue("e1", "a"));
    assertNull(restoredValue("e1", "b"));
    assertEquals(2L, restoredValue("e2", "a"));
    assertEquals(1L, restoredValue("e2", "b"));
    assertEquals(3L, count.value());
  }

  @Test
  void growingTheMapWhileASnapshotIsPendingLeavesTheFrozenMapAlone() {
    at("a");
    count.update(7L);
    Queue<Runnable> writer = new ArrayDeque<>();
    CompletableFuture<SnapshotManifest> pending = snapshot("grow", writer);
    for (int i = 0; i < 500; i++) { // several resizes of the copy
      at("k" + i);
      count.update((long) i);
    }
    at("a");
    count.update(8L);
    writer.forEach(Runnable::run);
    pending.join();
    assertEquals(7L, restoredValue("grow", "a"));
    assertNull(restoredValue("grow", "k3"));
    assertEquals(501, backend.keyCount("count"));
    at("k499");
    assertEquals(499L, count.value());
  }

  @Test
  void theSameKeyObjectAfterOtherKeysMovedTheSlotsWritesItsOwnEntry() {
    String a = "a";
    at(a);
    count.update(1L);
    count.value(); // remembered slot for (map, a)
    for (int i = 0; i < 100; i++) { // resizes move a to another slot
      at("k" + i);
      count.update(100L + i);
    }
    at("k3");
    count.clear(); // and a removal shifts probe runs back
    at(a);
    count.update(2L);
    assertEquals(2L, count.value());
    for (int i = 0; i < 100; i++) {
      at("k" + i);
      assertEquals(i == 3 ? null : Long.valueOf(100L + i), count.value(), "k" + i);
    }
  }

  @Test
  void clearBetweenValueAndUpdateInsertsAgain() {
    at("a");
    count.update(5L);
    assertEquals(5L, count.value());
    count.clear();
    assertNull(count.value());
    count.update(6L);
    assertEquals(6L, count.value());
    assertEquals(1, backend.keyCount("count"));
    count.update(null); // null clears, as ValueState says
    assertNull(count.value());
    assertEquals(0, backend.keyCount("count"));
  }

  @Test
  void equalKeysThatAreDifferentObjectsShareOneEntry() {
    at(new String("word"));
    count.update(1L);
    at(new String("word"));
    increment();
    assertEquals(2L, count.value());
    assertEquals(1, backend.keyCount("count"));
  }

  @Test
  void aReducingStateAndAValueStateOfTheSameKeyDoNotShareSlots() {
    ReducingState<Long> sum = backend.reducingState(
        StateDescriptor.reducing("sum", LongSerializer.INSTANCE, Long::sum));
    for (int i = 0; i < 50; i++) {
      at("k" + (i % 7));
      sum.add((long) i);
      increment();
    }
    at("k0");
    assertEquals(0L + 7 + 14 + 21 + 28 + 35 + 42 + 49, sum.get());
    assertEquals(8L, count.value());
  }

  @Test
  void aNullKeyIsRejected() {
    assertThrows(NullPointerException.class, () -> backend.setCurrentKey(null, 0));
  }
}
