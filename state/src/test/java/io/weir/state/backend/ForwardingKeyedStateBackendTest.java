package io.weir.state.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.weir.state.KeyGroupRange;
import io.weir.state.KeyGroups;
import io.weir.state.ValueState;
import io.weir.state.heap.HeapStateBackend;
import io.weir.state.rocksdb.RocksDbOptions;
import io.weir.state.rocksdb.RocksDbStateBackend;
import io.weir.state.serialization.LongSerializer;
import io.weir.state.serialization.StringSerializer;
import io.weir.state.snapshot.LocalDirectorySnapshotStorage;
import io.weir.state.snapshot.SharedFileRegistry;
import io.weir.state.snapshot.SnapshotManifest;
import io.weir.state.snapshot.SnapshotType;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A decorator that overrides nothing behaves exactly as the backend it wraps, snapshot type included. */
@Timeout(60)
class ForwardingKeyedStateBackendTest {
  private static final int MAX_PARALLELISM = 16;
  @TempDir Path dir;

  private static void key(KeyedStateBackend backend, String key) {
    backend.setCurrentKey(key, KeyGroups.keyGroupFor(key.hashCode(), MAX_PARALLELISM));
  }

  @Test
  void aBareDecoratorKeepsTheWrappedBackendsIncrementalSnapshots() throws Exception {
    KeyGroupRange all = new KeyGroupRange(0, MAX_PARALLELISM - 1);
    RocksDbOptions incremental = new RocksDbOptions(1, 8, 1).withSnapshotType(SnapshotType.INCREMENTAL);
    LocalDirectorySnapshotStorage storage = new LocalDirectorySnapshotStorage(dir.resolve("snapshots"));
    SharedFileRegistry registry = new SharedFileRegistry(storage);
    try (KeyedStateBackend decorated = new ForwardingKeyedStateBackend(new RocksDbStateBackend(dir.resolve("rocks"), incremental)
        .createKeyedBackend("op", all, MAX_PARALLELISM, StringSerializer.INSTANCE)) {}) {
      assertEquals(SnapshotType.INCREMENTAL, decorated.defaultSnapshotType());
      ValueState<Long> count = decorated.valueState(StateDescriptor.value("count", LongSerializer.INSTANCE));
      for (int i = 0; i < 100; i++) {
        key(decorated, "k" + i);
        count.update((long) i);
      }
      SnapshotManifest manifest = decorated.snapshot("s1", StringSerializer.INSTANCE, registry, Runnable::run).join();
      assertFalse(manifest.files().stream().noneMatch(f -> f.name().endsWith(".sst")),
          "an incremental RocksDB snapshot is made of SST files: " + manifest.files());
      assertEquals(100, decorated.keyCount("count"));

      try (KeyedStateBackend heap = new HeapStateBackend().createKeyedBackend("op", all, MAX_PARALLELISM,
          StringSerializer.INSTANCE)) {
        heap.restore(storage, List.of("s1"), StringSerializer.INSTANCE);
        ValueState<Long> restored = heap.valueState(StateDescriptor.value("count", LongSerializer.INSTANCE));
        key(heap, "k42");
        assertEquals(42L, restored.value());
        assertEquals(100, heap.keyCount("count"));
      }
    }
  }
}
