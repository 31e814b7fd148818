package io.weir.state.heap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.state.KeyGroupRange;
import io.weir.state.KeyGroups;
import io.weir.state.backend.KeyedStateBackend;
import io.weir.state.serialization.StringSerializer;
import io.weir.state.snapshot.LocalDirectorySnapshotStorage;
import io.weir.state.snapshot.SnapshotCorruptedException;
import io.weir.state.snapshot.SnapshotManifest;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Asynchronous heap snapshots: round trips, isolation from later updates, rescaling, damage detection. */
@Timeout(30)
class HeapSnapshotTest {
  private static final int MAX_PARALLELISM = 16;
  private static final int KEYS = 200;
  private static final Executor DIRECT = Runnable::run;

  @TempDir Path directory;
  private LocalDirectorySnapshotStorage storage;

  @BeforeEach
  void storage() throws IOException {
    storage = new LocalDirectorySnapshotStorage(directory);
  }

  private static int keyGroup(String key) {
    return KeyGroups.keyGroupFor(key.hashCode(), MAX_PARALLELISM);
  }

  private static KeyedStateBackend backend(int subtask, int parallelism) {
    return new HeapStateBackend().createKeyedBackend(
        "op", KeyGroups.rangeFor(subtask, MAX_PARALLELISM, parallelism), MAX_PARALLELISM);
  }

  /** Instances of one operator at some parallelism, each with every state kind. */
  private static final class Instances {
    final List<KeyedStateBackend> backends = new ArrayList<>();
    final List<AllKinds> states = new ArrayList<>();
    final int parallelism;

    Instances(int parallelism) {
      this.parallelism = parallelism;
      for (int i = 0; i < parallelism; i++) {
        backends.add(backend(i, parallelism));
      }
    }

    Instances registerStates() {
      backends.forEach(b -> states.add(new AllKinds(b)));
      return this;
    }

    /** Makes {@code key} current on its owner and returns the owner's states. */
    AllKinds at(String key) {
      int group = keyGroup(key);
      int owner = KeyGroups.subtaskFor(group, MAX_PARALLELISM, parallelism);
      backends.get(owner).setCurrentKey(key, group);
      return states.get(owner);
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
        String name = prefix + "-" + i;
        backends.get(i).snapshot(name, StringSerializer.INSTANCE, storage(), DIRECT).join();
        names.add(name);
      }
      return names;
    }

    LocalDirectorySnapshotStorage storage;

    LocalDirectorySnapshotStorage storage() {
      return storage;
    }
  }

  private Instances filled(int parallelism) {
    Instances instances = new Instances(parallelism).registerStates();
    instances.storage = storage;
    for (int k = 0; k < KEYS; k++) {
      AllKinds states = instances.at("key" + k);
      for (int n = 0; n <= k % 5; n++) {
        states.apply(k * 10 + n);
      }
    }
    return instances;
  }

  private Instances restored(int parallelism, List<String> snapshots) {
    Instances instances = new Instances(parallelism);
    instances.storage = storage;
    instances.backends.forEach(b -> b.restore(storage, snapshots, StringSerializer.INSTANCE));
    return instances.registerStates();
  }

  @Test
  void roundTripRestoresEveryKindOfEveryKey() {
    Instances before = filled(1);
    Map<String, String> expected = before.describeAll();
    Instances after = restored(1, before.snapshot("s1"));
    assertEquals(expected, after.describeAll());
    for (String name : List.of("value", "list", "sum", "mean", "map")) {
      assertEquals(KEYS, after.backends.get(0).keyCount(name), name);
    }
  }

  @Test
  void updatesAfterTheFreezeNeverReachTheSnapshotInProgress() {
    Instances live = filled(1);
    Map<String, String> atSnapshot = live.describeAll();
    Queue<Runnable> writer = new ArrayDeque<>();
    CompletableFuture<SnapshotManifest> pending =
        live.backends.get(0).snapshot("frozen", StringSerializer.INSTANCE, storage, writer::add);
    assertFalse(pending.isDone(), "the task thread only froze the state; writing waits for the writer");
    for (int k = 0; k < KEYS; k++) {
      AllKinds states = live.at("key" + k);
      if (k % 4 == 0) {
        states.value.clear();
        states.list.clear();
        states.map.clear();
        states.mean.clear();
      } else {
        states.apply(-1); // mutates lists, maps and accumulators in place unless they were copied
      }
    }
    live.at("new-key").apply(5);
    Map<String, String> afterUpdates = live.describeAll();
    writer.forEach(Runnable::run);
    assertTrue(pending.isDone());
    assertEquals(atSnapshot, restored(1, List.of("frozen")).describeAll());
    assertEquals(afterUpdates, live.describeAll(), "the live state kept its updates");
  }

  @Test
  void aWriterThreadSerializesWhileTheTaskThreadKeepsUpdating() throws Exception {
    Instances live = filled(1);
    Map<String, String> atSnapshot = live.describeAll();
    java.util.concurrent.ExecutorService writer = java.util.concurrent.Executors.newSingleThreadExecutor();
    try {
      CompletableFuture<SnapshotManifest> pending =
          live.backends.get(0).snapshot("concurrent", StringSerializer.INSTANCE, storage, writer);
      for (int round = 0; (!pending.isDone() || round < 50) && round < 10_000; round++) {
        for (int k = 0; k < KEYS; k++) {
          live.at("key" + k).apply(round);
        }
      }
      pending.join();
    } finally {
      writer.shutdown();
    }
    assertEquals(atSnapshot, restored(1, List.of("concurrent")).describeAll());
  }

  @Test
  void rescaleFromOneToThreeKeepsEveryKeysState() {
    Instances one = filled(1);
    Map<String, String> expected = one.describeAll();
    assertEquals(expected, restored(3, one.snapshot("p1")).describeAll());
  }

  @Test
  void rescaleFromFourToTwoKeepsEveryKeysState() {
    Instances four = filled(4);
    Map<String, String> expected = four.describeAll();
    Instances two = restored(2, four.snapshot("p4"));
    assertEquals(expected, two.describeAll());
    long keys = two.backends.stream().mapToLong(b -> b.keyCount("value")).sum();
    assertEquals(KEYS, keys);
  }

  @Test
  void truncatedDataFileFailsNamingFileAndKeyGroup() throws IOException {
    List<String> names = filled(1).snapshot("t");
    Path data = storage.dataPath("t-0.data");
    try (FileChannel channel = FileChannel.open(data, StandardOpenOption.WRITE)) {
      channel.truncate(channel.size() - 10);
    }
    SnapshotCorruptedException e = assertThrows(SnapshotCorruptedException.class,
        () -> backend(0, 1).restore(storage, names, StringSerializer.INSTANCE));
    assertTrue(e.getMessage().matches("data file t-0\\.data, key group \\d+: cannot read .*truncated.*"), e.getMessage());
  }

  @Test
  void flippedByteFailsAndNothingIsRestored() throws IOException {
    List<String> names = filled(1).snapshot("f");
    Path data = storage.dataPath("f-0.data");
    byte[] bytes = Files.readAllBytes(data);
    bytes[bytes.length / 2] ^= 0x10;
    Files.write(data, bytes);
    KeyedStateBackend target = backend(0, 1);
    SnapshotCorruptedException e = assertThrows(SnapshotCorruptedException.class,
        () -> target.restore(storage, names, StringSerializer.INSTANCE));
    assertTrue(e.getMessage().matches("data file f-0\\.data, key group \\d+: checksum mismatch.*"), e.getMessage());
    new AllKinds(target);
    assertEquals(0, target.keyCount("value"), "a failed restore restores nothing");
  }

  @Test
  void damagedManifestFailsNamingIt() throws IOException {
    List<String> names = filled(1).snapshot("m");
    Path manifest = storage.manifestPath("m-0");
    byte[] bytes = Files.readAllBytes(manifest);
    bytes[20] ^= 0x01;
    Files.write(manifest, bytes);
    SnapshotCorruptedException e = assertThrows(SnapshotCorruptedException.class,
        () -> backend(0, 1).restore(storage, names, StringSerializer.INSTANCE));
    assertEquals("manifest m-0 fails its checksum: truncated or corrupted", e.getMessage());
  }

  @Test
  void manifestDescribesTheSnapshot() {
    Instances one = filled(1);
    SnapshotManifest manifest =
        one.backends.get(0).snapshot("d", StringSerializer.INSTANCE, storage, DIRECT).join();
    assertEquals(List.of("list", "map", "mean", "sum", "value"),
        manifest.states().stream().map(SnapshotManifest.StateInfo::name).toList());
    assertEquals(new KeyGroupRange(0, MAX_PARALLELISM - 1), manifest.range());
    assertEquals(manifest, SnapshotManifest.decode("d", manifest.encode()));
  }

  @Test
  void aFailedWriteCompletesExceptionallyAndKeepsTheEarlierSnapshot() throws IOException {
    Instances one = filled(1);
    one.backends.get(0).snapshot("again", StringSerializer.INSTANCE, storage, DIRECT).join();
    byte[] published = Files.readAllBytes(storage.manifestPath("again"));
    CompletableFuture<SnapshotManifest> second =
        one.backends.get(0).snapshot("again", StringSerializer.INSTANCE, storage, DIRECT);
    assertThrows(CompletionException.class, second::join);
    assertTrue(java.util.Arrays.equals(published, Files.readAllBytes(storage.manifestPath("again"))));
  }
}
