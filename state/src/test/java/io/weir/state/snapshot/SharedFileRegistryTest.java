package io.weir.state.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.state.KeyGroupRange;
import io.weir.state.backend.StateDescriptor;
import io.weir.state.serialization.BinaryOutput;
import io.weir.state.snapshot.SnapshotManifest.DataFile;
import io.weir.state.snapshot.SnapshotManifest.StateInfo;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reference counting of data files shared by snapshots, on synthetic manifests. */
class SharedFileRegistryTest {
  @TempDir Path directory;
  private LocalDirectorySnapshotStorage storage;
  private SharedFileRegistry registry;

  @BeforeEach
  void setUp() throws IOException {
    storage = new LocalDirectorySnapshotStorage(directory);
    registry = new SharedFileRegistry(storage);
  }

  private void write(String file) throws IOException {
    if (!Files.exists(storage.dataPath(file))) {
      try (OutputStream out = storage.createDataFile(file)) {
        out.write(file.getBytes());
      }
    }
  }

  private static SnapshotManifest nativeManifest(String... files) {
    List<DataFile> refs = java.util.Arrays.stream(files).map(f -> new DataFile(f, f, f.length(), 0)).toList();
    return new SnapshotManifest("op", "rocksdb", "", "str@1", 16, new KeyGroupRange(0, 15),
        List.of(new StateInfo("v", StateDescriptor.Kind.VALUE, "long@1")), List.of(),
        SnapshotManifest.Format.NATIVE_ROCKSDB, List.of(refs.toArray(DataFile[]::new)));
  }

  /** Publishes a snapshot referencing {@code files}, pinning those already registered as a backend does. */
  private void publish(String name, String... files) throws IOException {
    List<String> pinned = new java.util.ArrayList<>();
    for (String file : files) {
      if (registry.pin(file)) {
        pinned.add(file);
      } else {
        write(file);
      }
    }
    registry.publish(name, nativeManifest(files), pinned);
  }

  private Set<String> stored() throws IOException {
    try (var files = Files.list(directory)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".manifest"))
          .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
    }
  }

  @Test
  void aSharedFileLivesUntilItsLastSnapshotIsDiscarded() throws IOException {
    publish("s1", "a", "b");
    publish("s2", "b", "c");
    publish("s3", "c", "d");
    assertEquals(2, registry.references("b"));
    registry.discard("s2");
    assertEquals(Set.of("a", "b", "c", "d"), stored(), "b is s1's, c is s3's");
    registry.discard("s3");
    assertEquals(Set.of("a", "b"), stored());
    registry.discard("s1");
    assertEquals(Set.of(), stored());
    assertEquals(List.of(), storage.listManifests());
  }

  @Test
  void aPinnedFileSurvivesTheDiscardOfItsOnlySnapshot() throws IOException {
    publish("s1", "a", "b");
    assertTrue(registry.pin("a"), "a snapshot being written means to reuse a");
    registry.discard("s1");
    assertEquals(Set.of("a"), stored(), "b went with s1; a is pinned");
    registry.publish("s2", nativeManifest("a"), List.of("a"));
    assertEquals(1, registry.references("a"));
    registry.discard("s2");
    assertEquals(Set.of(), stored());
  }

  @Test
  void unpinningTheLastReferenceDeletesAndAGoneFileCannotBePinned() throws IOException {
    publish("s1", "a");
    assertTrue(registry.pin("a"));
    registry.discard("s1");
    registry.unpin(List.of("a")); // the snapshot that pinned it failed
    assertEquals(Set.of(), stored());
    assertFalse(registry.pin("a"), "a is gone: it must be uploaded again");
  }

  @Test
  void failedUploadsAreDeletedUnlessReferenced() throws IOException {
    publish("s1", "a");
    write("orphan");
    registry.deleteUnreferenced(List.of("orphan", "a"));
    assertEquals(Set.of("a"), stored());
  }

  @Test
  void namesAreUniqueAndUnknownSnapshotsCannotBeDiscarded() throws IOException {
    publish("s1", "a");
    byte[] published = storage.readManifest("s1");
    assertThrows(IllegalStateException.class, () -> registry.publish("s1", nativeManifest("z"), List.of()));
    assertTrue(java.util.Arrays.equals(published, storage.readManifest("s1")), "the first s1 is kept");
    assertThrows(IllegalArgumentException.class, () -> registry.discard("never"));
  }

  @Test
  void rebuildCountsEveryPublishedKeyedManifestAndSkipsOtherKinds() throws IOException {
    publish("s1", "a", "b");
    publish("s2", "b", "c");
    storage.publishManifest("operator-state", new byte[] {0x57, 0x45, 0x4f, 0x50, 0, 0, 0, 1});
    SharedFileRegistry rebuilt = SharedFileRegistry.rebuild(storage);
    assertEquals(List.of("s1", "s2"), rebuilt.snapshots());
    assertEquals(2, rebuilt.references("b"));
    assertEquals(1, rebuilt.references("a"));
    rebuilt.discard("s1");
    assertEquals(Set.of("b", "c"), stored());
  }

  @Test
  void rebuildFailsOnADamagedManifestInsteadOfGuessingItsFiles() throws IOException {
    publish("s1", "a");
    byte[] bytes = storage.readManifest("s1");
    bytes[bytes.length - 6] ^= 1;
    Files.write(storage.manifestPath("s1"), bytes);
    SnapshotCorruptedException e = assertThrows(SnapshotCorruptedException.class,
        () -> SharedFileRegistry.rebuild(storage));
    assertTrue(e.getMessage().startsWith("manifest s1 "), e.getMessage());
  }

  @Test
  void versionOneManifestsAreStillRead() {
    SnapshotManifest canonical = new SnapshotManifest("op", "heap", "x.data", "str@1", 16, new KeyGroupRange(0, 15),
        List.of(new StateInfo("v", StateDescriptor.Kind.VALUE, "long@1")),
        List.of(new SnapshotManifest.Section(0, 3, 0, 10, 42)));
    byte[] v2 = canonical.encode();
    BinaryOutput tail = new BinaryOutput(32);
    tail.writeString("CANONICAL");
    tail.writeVarInt(0);
    int bodyLength = v2.length - 4 - tail.position();
    byte[] v1 = java.util.Arrays.copyOf(v2, bodyLength + 4);
    v1[7] = 1; // FORMAT_VERSION, big-endian after the magic
    int crc = SnapshotManifest.crc(v1, bodyLength);
    for (int i = 0; i < 4; i++) {
      v1[bodyLength + i] = (byte) (crc >>> (24 - 8 * i));
    }
    assertEquals(canonical, SnapshotManifest.decode("old", v1));
    assertEquals(List.of("x.data"), canonical.dataFiles());
  }
}
