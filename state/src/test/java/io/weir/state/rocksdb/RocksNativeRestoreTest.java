package io.weir.state.rocksdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.state.KeyGroups;
import io.weir.state.backend.KeyedStateBackend;
import io.weir.state.backend.StateBackend;
import io.weir.state.heap.AllKinds;
import io.weir.state.heap.HeapStateBackend;
import io.weir.state.serialization.StringSerializer;
import io.weir.state.snapshot.LocalDirectorySnapshotStorage;
import io.weir.state.snapshot.SharedFileRegistry;
import io.weir.state.snapshot.SnapshotCorruptedException;
import io.weir.state.snapshot.SnapshotManifest;
import io.weir.state.snapshot.SnapshotManifest.DataFile;
import io.weir.state.snapshot.SnapshotType;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restores from native (checkpoint) snapshots: into RocksDB at the same and at other parallelisms,
 * into the heap, and the failures of damaged files, which must leave the target empty.
 */
@Timeout(120)
class RocksNativeRestoreTest {
  private static final int KEYS = 600;

  @TempDir Path work;
  private LocalDirectorySnapshotStorage storage;
  private SharedFileRegistry registry;
  private StateBackend rocks;
  private final StateBackend heap = new HeapStateBackend();

  @BeforeEach
  void setUp() throws IOException {
    storage = new LocalDirectorySnapshotStorage(work.resolve("snapshots"));
    registry = new SharedFileRegistry(storage);
    rocks = new RocksDbStateBackend(work.resolve("rocksdb"), new RocksDbOptions(1, 8, 1));
  }

  /** Snapshots {@code parallelism} filled instances natively; returns the oracle and the snapshot names. */
  private record Snapshotted(Map<String, String> oracle, List<String> names) {}

  private Snapshotted nativeSnapshots(int parallelism, String prefix) {
    try (KeyedInstances source = new KeyedInstances(rocks, parallelism, storage, List.of())) {
      source.update(0, KEYS, 0);
      source.snapshot(prefix + "-base", registry, SnapshotType.INCREMENTAL);
      source.update(0, KEYS / 10, 3); // a second, incremental snapshot shares the first one's files
      Map<String, String> oracle = source.describe(KEYS);
      return new Snapshotted(oracle, source.snapshot(prefix, registry, SnapshotType.INCREMENTAL));
    }
  }

  private Map<String, String> restored(StateBackend target, int parallelism, List<String> names) {
    try (KeyedInstances instances = new KeyedInstances(target, parallelism, storage, names)) {
      Map<String, String> all = instances.describe(KEYS);
      long keys = instances.backends.stream().mapToLong(b -> b.keyCount("value")).sum();
      assertEquals(KEYS, keys, "each key restored exactly once, in its owner's key groups only");
      return all;
    }
  }

  @Test
  void sameParallelismOpensTheDownloadedCheckpoints() {
    Snapshotted two = nativeSnapshots(2, "p2");
    assertEquals(two.oracle(), restored(rocks, 2, two.names()));
  }

  @Test
  void twoToThreeCutsAndMergesKeyGroupRanges() {
    Snapshotted two = nativeSnapshots(2, "p2");
    assertEquals(two.oracle(), restored(rocks, 3, two.names()));
  }

  @Test
  void threeToOneMergesEverySnapshot() {
    Snapshotted three = nativeSnapshots(3, "p3");
    assertEquals(three.oracle(), restored(rocks, 1, three.names()));
  }

  @Test
  void nativeSnapshotsRestoreIntoTheHeapAtAnyParallelism() {
    Snapshotted two = nativeSnapshots(2, "p2");
    assertEquals(two.oracle(), restored(heap, 1, two.names()));
    assertEquals(two.oracle(), restored(heap, 3, two.names()));
  }

  @Test
  void aRestoredInstanceKeepsWorkingAndSnapshotsIncrementallyAgain() {
    Snapshotted one = nativeSnapshots(1, "p1");
    try (KeyedInstances instances = new KeyedInstances(rocks, 1, storage, one.names())) {
      instances.update(KEYS, 50, 5);
      Map<String, String> expected = instances.describe(KEYS + 50);
      SnapshotManifest next = instances.snapshotManifests("again", registry, SnapshotType.INCREMENTAL).get(0);
      assertTrue(next.files().stream().anyMatch(f -> f.name().startsWith("p1-base-0-")),
          "files restored from p1 are referenced, not uploaded again: " + next.files());
      try (KeyedInstances heapCopy = new KeyedInstances(heap, 2, storage, List.of("again-0"))) {
        assertEquals(expected, heapCopy.describe(KEYS + 50));
      }
    }
  }

  private static String firstSst(SnapshotManifest manifest) {
    return manifest.files().stream().map(DataFile::name).filter(n -> n.endsWith(".sst")).sorted().findFirst()
        .orElseThrow();
  }

  private SnapshotManifest manifest(String name) throws IOException {
    return SnapshotManifest.decode(name, storage.readManifest(name));
  }

  /** Restores {@code names} into a fresh instance of {@code target}, expecting a corruption naming {@code file}. */
  private void assertRestoreFailsNaming(StateBackend target, List<String> names, String file) throws IOException {
    KeyedStateBackend backend = target.createKeyedBackend("op", KeyGroups.rangeFor(0, KeyedInstances.MAX_PARALLELISM, 1),
        KeyedInstances.MAX_PARALLELISM, StringSerializer.INSTANCE);
    try {
      SnapshotCorruptedException e = assertThrows(SnapshotCorruptedException.class,
          () -> backend.restore(storage, names, StringSerializer.INSTANCE));
      assertTrue(e.getMessage().contains(file), e.getMessage());
      new AllKinds(backend);
      for (String state : List.of("value", "list", "sum", "mean", "map")) {
        assertEquals(0, backend.keyCount(state), "nothing of " + state + " was restored");
      }
    } finally {
      backend.close();
    }
    try (Stream<Path> left = Files.list(work.resolve("rocksdb"))) {
      assertEquals(0, left.count(), "no restore directories are left behind");
    }
  }

  @Test
  void aFlippedByteInAnSstFailsNamingItAndRestoresNothing() throws IOException {
    Snapshotted two = nativeSnapshots(2, "c");
    String sst = firstSst(manifest("c-1")); // the second snapshot: the first one is downloaded fine
    Path path = storage.dataPath(sst);
    byte[] bytes = Files.readAllBytes(path);
    bytes[bytes.length / 2] ^= 0x20;
    Files.write(path, bytes);
    assertRestoreFailsNaming(rocks, two.names(), sst);
    assertRestoreFailsNaming(heap, two.names(), sst);
  }

  @Test
  void aTruncatedSstFailsNamingIt() throws IOException {
    Snapshotted one = nativeSnapshots(1, "t");
    String sst = firstSst(manifest("t-0"));
    try (FileChannel channel = FileChannel.open(storage.dataPath(sst), StandardOpenOption.WRITE)) {
      channel.truncate(channel.size() - 7);
    }
    assertRestoreFailsNaming(rocks, one.names(), sst);
  }

  @Test
  void aMissingSharedFileFailsNamingIt() throws IOException {
    Snapshotted one = nativeSnapshots(1, "m");
    String shared = manifest("m-0").files().stream().map(DataFile::name).filter(n -> n.startsWith("m-base-0-"))
        .filter(n -> n.endsWith(".sst")).findFirst().orElseThrow();
    Files.delete(storage.dataPath(shared));
    assertRestoreFailsNaming(rocks, one.names(), shared);
  }

  @Test
  void aDamagedManifestFailsNamingIt() throws IOException {
    Snapshotted one = nativeSnapshots(1, "d");
    Path manifest = storage.manifestPath("d-0");
    byte[] bytes = Files.readAllBytes(manifest);
    Files.write(manifest, java.util.Arrays.copyOf(bytes, bytes.length - 9));
    assertRestoreFailsNaming(rocks, one.names(), "manifest d-0");
  }
}
