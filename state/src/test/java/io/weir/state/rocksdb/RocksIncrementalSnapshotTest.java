package io.weir.state.rocksdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.state.backend.KeyedStateBackend;
import io.weir.state.heap.HeapStateBackend;
import io.weir.state.serialization.StringSerializer;
import io.weir.state.snapshot.LocalDirectorySnapshotStorage;
import io.weir.state.snapshot.SharedFileRegistry;
import io.weir.state.snapshot.SnapshotManifest;
import io.weir.state.snapshot.SnapshotManifest.DataFile;
import io.weir.state.snapshot.SnapshotType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Incremental RocksDB snapshots: only new SST files are uploaded, shared files are reference
 * counted across discards in any order, the registry is rebuilt from the manifests, and updates
 * after the checkpoint stay out of the snapshot.
 */
@Timeout(120)
class RocksIncrementalSnapshotTest {
  private static final int KEYS = 2000;

  @TempDir Path work;
  private CountingStorage storage;
  private SharedFileRegistry registry;
  private RocksDbStateBackend rocks;
  private KeyedInstances live;

  @BeforeEach
  void setUp() throws IOException {
    storage = new CountingStorage(new LocalDirectorySnapshotStorage(work.resolve("snapshots")));
    registry = new SharedFileRegistry(storage);
    rocks = new RocksDbStateBackend(work.resolve("rocksdb"), new RocksDbOptions(1, 8, 1));
    live = new KeyedInstances(rocks, 1, storage, List.of());
  }

  @AfterEach
  void tearDown() {
    live.close();
  }

  private static Set<String> ssts(SnapshotManifest manifest) {
    return manifest.files().stream().map(DataFile::name).filter(n -> n.endsWith(".sst")).collect(Collectors.toSet());
  }

  private List<String> uploadedSsts() {
    return storage.drainCreated().stream().filter(n -> n.endsWith(".sst")).sorted().toList();
  }

  private SnapshotManifest snapshot(String name) {
    return live.backends.get(0).snapshot(name, StringSerializer.INSTANCE, registry, Runnable::run,
        SnapshotType.INCREMENTAL).join();
  }

  private Map<String, String> restoredOnHeap(String name) {
    try (KeyedInstances heap = new KeyedInstances(new HeapStateBackend(), 1, storage, List.of(name))) {
      return heap.describe(KEYS);
    }
  }

  private Set<String> storedFiles() throws IOException {
    try (Stream<Path> files = Files.list(storage.local.directory())) {
      return files.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".manifest"))
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }

  /** Three snapshots: all keys; 5% of keys changed; a full compaction. Returns their oracles. */
  private List<Map<String, String>> threeSnapshots(List<SnapshotManifest> manifests) {
    live.update(0, KEYS, 0);
    Map<String, String> first = live.describe(KEYS);
    manifests.add(snapshot("s1"));
    live.update(0, KEYS / 20, 7);
    Map<String, String> second = live.describe(KEYS);
    manifests.add(snapshot("s2"));
    ((RocksDbKeyedStateBackend) live.backends.get(0)).compactAll();
    live.update(KEYS / 2, KEYS / 20, 11);
    Map<String, String> third = live.describe(KEYS);
    manifests.add(snapshot("s3"));
    return List.of(first, second, third);
  }

  @Test
  void eachSnapshotUploadsOnlyTheSstFilesEarlierSnapshotsDidNot() {
    live.update(0, KEYS, 0);
    SnapshotManifest s1 = snapshot("s1");
    List<String> first = uploadedSsts();
    assertFalse(first.isEmpty());
    assertEquals(new TreeSet<>(ssts(s1)), new TreeSet<>(first), "the first snapshot uploads every SST");

    live.update(0, KEYS / 20, 7); // about 5% of the keys
    SnapshotManifest s2 = snapshot("s2");
    List<String> second = uploadedSsts();
    Set<String> newInS2 = new TreeSet<>(ssts(s2));
    newInS2.removeAll(ssts(s1));
    assertEquals(newInS2, new TreeSet<>(second), "the second uploads exactly the SSTs s1 does not have");
    assertTrue(second.size() < ssts(s2).size(), "s2 shares files with s1: " + ssts(s2));
    assertTrue(ssts(s2).containsAll(ssts(s1)), "no compaction ran, so s1's files are all still live");

    ((RocksDbKeyedStateBackend) live.backends.get(0)).compactAll();
    live.update(KEYS / 2, KEYS / 20, 11);
    Map<String, String> atS3 = live.describe(KEYS);
    SnapshotManifest s3 = snapshot("s3");
    List<String> third = uploadedSsts();
    Set<String> newInS3 = new TreeSet<>(ssts(s3));
    newInS3.removeAll(ssts(s2));
    assertEquals(newInS3, new TreeSet<>(third), "the third uploads exactly the SSTs s2 does not have");
    assertNotEquals(ssts(s2), ssts(s3), "the compaction replaced files");
    assertFalse(third.isEmpty());
    assertEquals(atS3, restoredOnHeap("s3"), "shared and new files together restore s3");
  }

  @Test
  void updatesAfterTheCheckpointCallStayOutOfTheSnapshot() {
    live.update(0, KEYS, 0);
    Map<String, String> atSnapshot = live.describe(KEYS);
    Queue<Runnable> writer = new ArrayDeque<>();
    CompletableFuture<SnapshotManifest> pending = live.backends.get(0)
        .snapshot("frozen", StringSerializer.INSTANCE, registry, writer::add, SnapshotType.INCREMENTAL);
    for (int k = 0; k < KEYS; k++) {
      live.at("key" + k).apply(-1);
      if (k % 3 == 0) {
        live.at("key" + k).map.clear();
      }
    }
    ((RocksDbKeyedStateBackend) live.backends.get(0)).compactAll(); // even rewritten files do not leak in
    assertFalse(pending.isDone(), "the task thread only made the checkpoint; uploading waits for the writer");
    writer.forEach(Runnable::run);
    pending.join();
    assertEquals(atSnapshot, restoredOnHeap("frozen"));
    assertNotEquals(atSnapshot, live.describe(KEYS));
  }

  @Test
  void theCheckpointDirectoryIsDeletedAfterUploadAndSnapshotStorageStaysSeparate() throws IOException {
    live.update(0, 100, 0);
    snapshot("one");
    try (Stream<Path> files = Files.walk(work.resolve("rocksdb"))) {
      assertTrue(files.noneMatch(p -> p.toString().contains("checkpoints" + java.io.File.separator + "one")));
    }
    assertTrue(storedFiles().stream().allMatch(n -> n.startsWith("one-")), storedFiles().toString());
  }

  /** Orders (by snapshot number) in which the three snapshots are discarded. */
  @ParameterizedTest
  @ValueSource(strings = {"123", "213", "321", "132", "312"})
  void discardsInAnyOrderNeverDeleteAFileARetainedSnapshotNeeds(String order) throws IOException {
    List<SnapshotManifest> manifests = new java.util.ArrayList<>();
    List<Map<String, String>> oracles = threeSnapshots(manifests);
    Set<String> retained = new TreeSet<>(List.of("s1", "s2", "s3"));
    for (char c : order.toCharArray()) {
      String victim = "s" + c;
      registry.discard(victim);
      retained.remove(victim);
      Set<String> needed = new HashSet<>();
      for (String name : retained) {
        needed.addAll(manifests.get(name.charAt(1) - '1').dataFiles());
      }
      assertEquals(new TreeSet<>(needed), storedFiles(), "after discarding " + victim + ", exactly the files of "
          + retained + " remain");
      for (String name : retained) {
        assertEquals(oracles.get(name.charAt(1) - '1'), restoredOnHeap(name), name + " still restores");
      }
    }
    assertTrue(storedFiles().isEmpty());
    assertTrue(storage.listManifests().isEmpty());
  }

  @Test
  void aRebuiltRegistryCountsAsTheOriginalAndKeepsSharingFiles() throws IOException {
    List<SnapshotManifest> manifests = new java.util.ArrayList<>();
    List<Map<String, String>> oracles = threeSnapshots(manifests);
    SharedFileRegistry rebuilt = SharedFileRegistry.rebuild(storage);
    assertEquals(new TreeSet<>(registry.snapshots()), new TreeSet<>(rebuilt.snapshots()));
    assertEquals(registry.files(), rebuilt.files());
    for (String file : registry.files()) {
      assertEquals(registry.references(file), rebuilt.references(file), file);
    }
    rebuilt.discard("s2");
    rebuilt.discard("s3");
    assertEquals(new TreeSet<>(manifests.get(0).dataFiles()), storedFiles());
    assertEquals(oracles.get(0), restoredOnHeap("s1"));

    // The backend keeps snapshotting into the rebuilt registry: s3's files are gone, s1's are shared again.
    registry = rebuilt;
    storage.drainCreated();
    SnapshotManifest s4 = snapshot("s4");
    Set<String> expectedUploads = new TreeSet<>(ssts(s4));
    expectedUploads.removeAll(ssts(manifests.get(0)));
    assertEquals(expectedUploads, new TreeSet<>(uploadedSsts()));
    assertTrue(ssts(s4).stream().noneMatch(n -> n.startsWith("s3-")), "s3's files were deleted, so not referenced");
    assertEquals(live.describe(KEYS), restoredOnHeap("s4"));
  }

  @Test
  void fullAndIncrementalSnapshotsShareOneRegistry() throws IOException {
    live.update(0, 300, 0);
    KeyedStateBackend backend = live.backends.get(0);
    SnapshotManifest full = backend.snapshot("full", StringSerializer.INSTANCE, registry, Runnable::run,
        SnapshotType.FULL).join();
    assertEquals(SnapshotManifest.Format.CANONICAL, full.format());
    assertEquals(SnapshotType.FULL, backend.defaultSnapshotType());
    snapshot("incremental");
    assertEquals(List.of("full", "incremental"), registry.snapshots());
    registry.discard("full");
    assertFalse(storedFiles().contains("full.data"));
    assertEquals(live.describe(300), restoredOnHeap("incremental").entrySet().stream()
        .filter(e -> Integer.parseInt(e.getKey().substring(3)) < 300)
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
  }

  @Test
  void aFailedUploadLeavesNoFilesNoPinsAndNoCheckpointBehind() throws IOException {
    live.update(0, KEYS, 0);
    SnapshotManifest s1 = snapshot("s1");
    live.update(0, KEYS / 20, 7);
    storage.failCreating(name -> name.startsWith("s2-") && name.contains("MANIFEST"));
    CompletableFuture<SnapshotManifest> failed = live.backends.get(0)
        .snapshot("s2", StringSerializer.INSTANCE, registry, Runnable::run, SnapshotType.INCREMENTAL);
    java.util.concurrent.CompletionException e =
        org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.CompletionException.class, failed::join);
    assertTrue(e.getCause().getMessage().contains("injected failure"), e.getCause().getMessage());
    assertEquals(new TreeSet<>(s1.dataFiles()), storedFiles(), "s2's uploads were deleted, s1's files kept");
    for (String file : s1.dataFiles()) {
      assertEquals(1, registry.references(file), "s2's pin on " + file + " was released");
    }
    assertEquals(List.of("s1"), registry.snapshots());
    try (Stream<Path> files = Files.walk(work.resolve("rocksdb"))) {
      assertTrue(files.noneMatch(p -> p.getFileName().toString().startsWith("s2-")), "checkpoint deleted");
    }
    storage.failCreating(name -> false);
    storage.drainCreated();
    SnapshotManifest retry = snapshot("s2-retry");
    Set<String> expected = new TreeSet<>(ssts(retry));
    expected.removeAll(ssts(s1));
    assertEquals(expected, new TreeSet<>(uploadedSsts()), "the retry still shares s1's files");
    assertEquals(live.describe(KEYS), restoredOnHeap("s2-retry"));
  }

  @Test
  void theOptionsChooseTheTypeWhenTheCallerDoesNot() {
    RocksDbStateBackend incremental = new RocksDbStateBackend(work.resolve("rocksdb-incremental"),
        new RocksDbOptions(1, 8, 1).withSnapshotType(SnapshotType.INCREMENTAL));
    try (KeyedInstances instances = new KeyedInstances(incremental, 1, storage, List.of())) {
      instances.update(0, 100, 0);
      KeyedStateBackend backend = instances.backends.get(0);
      assertEquals(SnapshotType.INCREMENTAL, backend.defaultSnapshotType());
      SnapshotManifest manifest = backend.snapshot("chosen", StringSerializer.INSTANCE, registry, Runnable::run).join();
      assertEquals(SnapshotManifest.Format.NATIVE_ROCKSDB, manifest.format());
      SnapshotManifest full = backend.snapshot("plain", StringSerializer.INSTANCE, storage, Runnable::run).join();
      assertEquals(SnapshotManifest.Format.CANONICAL, full.format(), "the storage-only call stays full");
    }
  }

  @Test
  void discardingTheSnapshotWhoseFilesAnUploadMeansToReuseMakesItUploadThemItself() throws IOException {
    live.update(0, KEYS, 0);
    SnapshotManifest s1 = snapshot("s1");
    live.update(0, KEYS / 20, 7);
    Map<String, String> atS2 = live.describe(KEYS);
    Queue<Runnable> writer = new ArrayDeque<>();
    CompletableFuture<SnapshotManifest> pending = live.backends.get(0)
        .snapshot("s2", StringSerializer.INSTANCE, registry, writer::add, SnapshotType.INCREMENTAL);
    registry.discard("s1"); // between the checkpoint and its upload
    assertTrue(storedFiles().isEmpty(), "s1's files went with it");
    storage.drainCreated();
    writer.forEach(Runnable::run);
    SnapshotManifest s2 = pending.join();
    assertTrue(ssts(s2).stream().allMatch(n -> n.startsWith("s2-")), "nothing of s1 is referenced: " + ssts(s2));
    assertEquals(new TreeSet<>(ssts(s2)), new TreeSet<>(uploadedSsts()));
    assertTrue(s1.files().stream().map(DataFile::localName).filter(n -> n.endsWith(".sst"))
        .anyMatch(n -> s2.files().stream().anyMatch(f -> f.localName().equals(n))), "s2 holds files s1 had");
    assertEquals(atS2, restoredOnHeap("s2"));
  }

  @Test
  void aRaisedLevel0TriggerKeepsEveryFlushedFileSoEachSnapshotUploadsOnlyItsOwnFlush() {
    live.close();
    rocks = new RocksDbStateBackend(work.resolve("rocksdb-no-compaction"),
        new RocksDbOptions(1, 8, 1).withLevel0CompactionTrigger(100));
    live = new KeyedInstances(rocks, 1, storage, List.of());
    Set<String> earlier = new HashSet<>();
    int perFlush = -1; // one level-0 file per column family the updates touch
    for (int i = 1; i <= 6; i++) { // past RocksDB's default trigger of 4 level-0 files
      live.update(0, KEYS / 10, i);
      SnapshotManifest manifest = snapshot("t" + i);
      assertTrue(ssts(manifest).containsAll(earlier), "snapshot " + i + " still has every earlier flush: "
          + ssts(manifest) + " vs " + earlier);
      int uploaded = uploadedSsts().size();
      if (perFlush < 0) {
        perFlush = uploaded;
      }
      assertEquals(perFlush, uploaded, "snapshot " + i + " uploads only its own flush");
      earlier.addAll(ssts(manifest));
    }
    assertEquals(6 * perFlush, earlier.size());
  }

  @Test
  void aLevel0TriggerBelowOneIsRejected() {
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> RocksDbOptions.defaults().withLevel0CompactionTrigger(0));
    assertTrue(e.getMessage().contains("level-0 compaction trigger 0"), e.getMessage());
  }
}
