package io.weir.state.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.state.ListState;
import io.weir.state.serialization.LongSerializer;
import io.weir.state.snapshot.LocalDirectorySnapshotStorage;
import io.weir.state.snapshot.SnapshotCorruptedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Non-keyed operator state: snapshots and redistribution as an even split and as a union. */
@Timeout(30)
class OperatorStateStoreTest {
  @TempDir Path directory;
  private LocalDirectorySnapshotStorage storage;

  @BeforeEach
  void storage() throws IOException {
    storage = new LocalDirectorySnapshotStorage(directory);
  }

  private static List<Long> list(ListState<Long> state) {
    List<Long> values = new ArrayList<>();
    state.get().forEach(values::add);
    return values;
  }

  /** Snapshots {@code parallelism} instances; instance i holds offsets i*10 .. i*10+perInstance-1 in both states. */
  private List<String> snapshotOf(int parallelism, int perInstance) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < parallelism; i++) {
      OperatorStateStore store = new OperatorStateStore("src", i, parallelism);
      ListState<Long> split = store.listState("offsets", LongSerializer.INSTANCE, Redistribution.EVEN_SPLIT);
      ListState<Long> union = store.listState("markers", LongSerializer.INSTANCE, Redistribution.UNION);
      for (int e = 0; e < perInstance; e++) {
        split.add(i * 10L + e);
        union.add(i * 10L + e);
      }
      store.snapshot("op-" + i, storage, Runnable::run).join();
      names.add("op-" + i);
    }
    return names;
  }

  @Test
  void evenSplitHandsEveryElementToExactlyOneNewInstanceAndUnionToAll() {
    List<String> names = snapshotOf(2, 3); // elements 0,1,2 and 10,11,12
    List<List<Long>> split = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      OperatorStateStore store = new OperatorStateStore("src", i, 3);
      store.restore(storage, names);
      split.add(list(store.listState("offsets", LongSerializer.INSTANCE, Redistribution.EVEN_SPLIT)));
      assertEquals(List.of(0L, 1L, 2L, 10L, 11L, 12L),
          list(store.listState("markers", LongSerializer.INSTANCE, Redistribution.UNION)));
    }
    assertEquals(List.of(List.of(0L, 1L), List.of(2L, 10L), List.of(11L, 12L)), split);
  }

  @Test
  void scalingDownGathersEveryElement() {
    List<String> names = snapshotOf(4, 1);
    List<Long> all = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      OperatorStateStore store = new OperatorStateStore("src", i, 2);
      store.restore(storage, names);
      all.addAll(list(store.listState("offsets", LongSerializer.INSTANCE, Redistribution.EVEN_SPLIT)));
    }
    assertEquals(List.of(0L, 10L, 20L, 30L), all);
  }

  @Test
  void changesAfterTheFreezeStayOutOfTheSnapshot() {
    OperatorStateStore store = new OperatorStateStore("src", 0, 1);
    ListState<Long> offsets = store.listState("offsets", LongSerializer.INSTANCE, Redistribution.EVEN_SPLIT);
    offsets.add(1L);
    Queue<Runnable> writer = new ArrayDeque<>();
    CompletableFuture<Void> pending = store.snapshot("frozen", storage, writer::add);
    offsets.add(2L);
    offsets.update(List.of(7L));
    writer.forEach(Runnable::run);
    pending.join();
    OperatorStateStore restored = new OperatorStateStore("src", 0, 1);
    restored.restore(storage, List.of("frozen"));
    assertEquals(List.of(1L), list(restored.listState("offsets", LongSerializer.INSTANCE, Redistribution.EVEN_SPLIT)));
    assertEquals(List.of(7L), list(offsets));
  }

  @Test
  void aFlippedByteFailsNamingFileAndState() throws IOException {
    List<String> names = snapshotOf(1, 3);
    Path data = storage.dataPath("op-0.data");
    byte[] bytes = Files.readAllBytes(data);
    bytes[1] ^= 0x02;
    Files.write(data, bytes);
    OperatorStateStore store = new OperatorStateStore("src", 0, 1);
    SnapshotCorruptedException e = assertThrows(SnapshotCorruptedException.class, () -> store.restore(storage, names));
    assertTrue(e.getMessage().startsWith("data file op-0.data, operator state '"), e.getMessage());
  }

  @Test
  void elementsAreACopyOfARegisteredStateAndUnknownNamesAreRejected() {
    OperatorStateStore store = new OperatorStateStore("src", 0, 1);
    ListState<Long> offsets = store.listState("offsets", LongSerializer.INSTANCE, Redistribution.EVEN_SPLIT);
    offsets.add(4L);
    List<Long> elements = store.elements("offsets");
    offsets.add(5L);
    assertEquals(List.of(4L), elements);
    assertEquals(List.of("offsets"), store.stateNames());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> store.elements("markers"));
    assertTrue(e.getMessage().contains("no operator state 'markers'"), e.getMessage());
  }

  @Test
  void registeringWithAnotherRedistributionThanSnapshottedFails() {
    List<String> names = snapshotOf(1, 1);
    OperatorStateStore store = new OperatorStateStore("src", 0, 1);
    store.restore(storage, names);
    assertThrows(IllegalStateException.class,
        () -> store.listState("offsets", LongSerializer.INSTANCE, Redistribution.UNION));
  }
}
