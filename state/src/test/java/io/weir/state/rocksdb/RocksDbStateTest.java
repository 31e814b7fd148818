package io.weir.state.rocksdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.state.KeyGroups;
import io.weir.state.backend.KeyedStateBackend;
import io.weir.state.backend.StateBackend;
import io.weir.state.heap.AllKinds;
import io.weir.state.heap.HeapStateBackend;
import io.weir.state.serialization.StringSerializer;
import io.weir.state.snapshot.LocalDirectorySnapshotStorage;
import io.weir.state.snapshot.SnapshotCorruptedException;
import io.weir.state.snapshot.SnapshotManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Every state kind on RocksDB; snapshots, rescaling and restores between RocksDB and the heap. */
@Timeout(60)
class RocksDbStateTest {
  private static final int MAX_PARALLELISM = 16;
  private static final int KEYS = 200;

  @TempDir Path work;
  private LocalDirectorySnapshotStorage storage;
  private StateBackend rocks;
  private final StateBackend heap = new HeapStateBackend();
  private final List<KeyedStateBackend> opened = new ArrayList<>();

  @BeforeEach
  void setUp() throws IOException {
    storage = new LocalDirectorySnapshotStorage(work.resolve("snapshots"));
    rocks = new RocksDbStateBackend(work.resolve("rocksdb"));
  }

  @AfterEach
  void closeAll() {
    opened.forEach(KeyedStateBackend::close);
  }

  private static int keyGroup(String key) {
    return KeyGroups.keyGroupFor(key.hashCode(), MAX_PARALLELISM);
  }

  /** Instances of one operator at some parallelism on one backend, each with every state kind. */
  private final class Instances {
    final List<KeyedStateBackend> backends = new ArrayList<>();
    final List<AllKinds> states = new ArrayList<>();
    final int parallelism;

    Instances(StateBackend backend, int parallelism, List<String> restoreFrom) {
      this.parallelism = parallelism;
      for (int i = 0; i < parallelism; i++) {
        KeyedStateBackend b = backend.createKeyedBackend("op", KeyGroups.rangeFor(i, MAX_PARALLELISM, parallelism),
            MAX_PARALLELISM, StringSerializer.INSTANCE);
        opened.add(b);
        if (!restoreFrom.isEmpty()) {
          b.restore(storage, restoreFrom, StringSerializer.INSTANCE);
        }
        backends.add(b);
        states.add(new AllKinds(b));
      }
    }

    AllKinds at(String key) {
      int group = keyGroup(key);
      int owner = KeyGroups.subtaskFor(group, MAX_PARALLELISM, parallelism);
      backends.get(owner).setCurrentKey(key, group);
      return states.get(owner);
    }

    Instances fill() {
      for (int k = 0; k < KEYS; k++) {
        AllKinds s = at("key" + k);
        for (int n = 0; n <= k % 5; n++) {
          s.apply(k * 10 + n);
        }
      }
      return this;
    }

    Map<String, String> describeAll() {
      Map<String, String> all = new HashMap<>();
      for (int k = 0; k < KEYS; k++) {
        all.put("key" + k, at("key" + k).describe());
      }
      return all;
    }

    List<String> snapshot(String prefix) {
      List<String> names = new ArrayList<>();
      for (int i = 0; i < backends.size(); i++) {
        backends.get(i).snapshot(prefix + "-" + i, StringSerializer.INSTANCE, storage, Runnable::run).join();
        names.add(prefix + "-" + i);
      }
      return names;
    }
  }

  @Test
  void everyKindBehavesAsOnTheHeap() {
    Map<String, String> onHeap = new Instances(heap, 1, List.of()).fill().describeAll();
    Instances onRocks = new Instances(rocks, 1, List.of()).fill();
    assertEquals(onHeap, onRocks.describeAll());
    for (String name : List.of("value", "list", "sum", "mean", "map")) {
      assertEquals(KEYS, onRocks.backends.get(0).keyCount(name), name);
    }
    AllKinds s = onRocks.at("key7");
    s.map.remove("k0");
    s.map.clear();
    assertTrue(s.map.isEmpty());
    s.list.update(List.of(1, 2));
    s.value.clear();
    s.mean.clear();
    assertEquals("value=null list=[1, 2] sum=213 mean=null map={}", s.describe());
  }

  @Test
  void roundTripAndRescaleFourToTwo() {
    Instances four = new Instances(rocks, 4, List.of()).fill();
    Map<String, String> expected = four.describeAll();
    List<String> names = four.snapshot("r4");
    assertEquals(expected, new Instances(rocks, 4, names).describeAll());
    assertEquals(expected, new Instances(rocks, 2, names).describeAll());
  }

  @Test
  void snapshotsMoveBetweenHeapAndRocksDbBothWays() {
    Instances onHeap = new Instances(heap, 1, List.of()).fill();
    Map<String, String> expected = onHeap.describeAll();
    Instances onRocks = new Instances(rocks, 3, onHeap.snapshot("h"));
    assertEquals(expected, onRocks.describeAll());
    assertEquals(expected, new Instances(heap, 2, onRocks.snapshot("r")).describeAll());
  }

  @Test
  void writesAfterTheSnapshotStartedStayOutOfIt() {
    Instances live = new Instances(rocks, 1, List.of()).fill();
    Map<String, String> atSnapshot = live.describeAll();
    Queue<Runnable> writer = new ArrayDeque<>();
    CompletableFuture<SnapshotManifest> pending =
        live.backends.get(0).snapshot("frozen", StringSerializer.INSTANCE, storage, writer::add);
    for (int k = 0; k < KEYS; k++) {
      AllKinds s = live.at("key" + k);
      s.apply(-1);
      s.map.clear();
    }
    assertFalse(pending.isDone());
    writer.forEach(Runnable::run);
    pending.join();
    assertEquals(atSnapshot, new Instances(heap, 1, List.of("frozen")).describeAll());
  }

  @Test
  void aFlippedByteFailsTheRestore() throws IOException {
    List<String> names = new Instances(rocks, 1, List.of()).fill().snapshot("c");
    Path data = storage.dataPath("c-0.data");
    byte[] bytes = Files.readAllBytes(data);
    bytes[bytes.length / 3] ^= 0x08;
    Files.write(data, bytes);
    KeyedStateBackend target = rocks.createKeyedBackend("op", KeyGroups.rangeFor(0, MAX_PARALLELISM, 1),
        MAX_PARALLELISM, StringSerializer.INSTANCE);
    opened.add(target);
    SnapshotCorruptedException e = assertThrows(SnapshotCorruptedException.class,
        () -> target.restore(storage, names, StringSerializer.INSTANCE));
    assertTrue(e.getMessage().matches("data file c-0\\.data, key group \\d+: checksum mismatch.*"), e.getMessage());
  }

  @Test
  void closeReleasesTheDatabaseAndDeletesItsWorkingDirectory() throws IOException {
    KeyedStateBackend backend = rocks.createKeyedBackend("closing", KeyGroups.rangeFor(0, MAX_PARALLELISM, 1),
        MAX_PARALLELISM, StringSerializer.INSTANCE);
    AllKinds states = new AllKinds(backend);
    backend.setCurrentKey("a", keyGroup("a"));
    states.value.update("x");
    try (Stream<Path> dirs = Files.list(work.resolve("rocksdb"))) {
      assertEquals(1, dirs.count());
    }
    backend.close();
    backend.close();
    try (Stream<Path> dirs = Files.list(work.resolve("rocksdb"))) {
      assertEquals(0, dirs.count());
    }
    assertThrows(IllegalStateException.class, () -> states.value.value(), "state is unusable after close");
    assertThrows(UnsupportedOperationException.class,
        () -> rocks.createKeyedBackend("op", KeyGroups.rangeFor(0, MAX_PARALLELISM, 1), MAX_PARALLELISM));
  }
}
