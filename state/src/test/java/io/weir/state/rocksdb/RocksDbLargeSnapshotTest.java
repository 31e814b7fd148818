package io.weir.state.rocksdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.state.KeyGroupRange;
import io.weir.state.KeyGroups;
import io.weir.state.ValueState;
import io.weir.state.backend.KeyedStateBackend;
import io.weir.state.backend.StateDescriptor;
import io.weir.state.serialization.LongSerializer;
import io.weir.state.snapshot.LocalDirectorySnapshotStorage;
import io.weir.state.snapshot.SharedFileRegistry;
import io.weir.state.snapshot.SnapshotManifest;
import io.weir.state.snapshot.SnapshotType;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Five million keys in RocksDB, snapshotted (full, then incremental) while the task thread keeps
 * updating them. Prints how long the task thread paused for each snapshot (no assertion on speed)
 * and checks a restored part holds the values as of each snapshot.
 */
@Timeout(300)
class RocksDbLargeSnapshotTest {
  private static final int KEYS = 5_000_000;
  private static final int MAX_PARALLELISM = 128;

  @TempDir Path work;

  private static int keyGroup(long key) {
    return KeyGroups.keyGroupFor(Long.hashCode(key), MAX_PARALLELISM);
  }

  @Test
  void fiveMillionKeysSnapshotWhileRecordsKeepFlowing() throws Exception {
    LocalDirectorySnapshotStorage storage = new LocalDirectorySnapshotStorage(work.resolve("snapshots"));
    RocksDbStateBackend rocks = new RocksDbStateBackend(work.resolve("rocksdb"));
    StateDescriptor<Long> descriptor = StateDescriptor.value("v", LongSerializer.INSTANCE);
    ExecutorService writer = Executors.newSingleThreadExecutor();
    SharedFileRegistry registry = new SharedFileRegistry(storage);
    java.util.function.LongUnaryOperator expectedAtIncremental;
    try (KeyedStateBackend backend = rocks.createKeyedBackend("big", new KeyGroupRange(0, MAX_PARALLELISM - 1),
        MAX_PARALLELISM, LongSerializer.INSTANCE)) {
      ValueState<Long> value = backend.valueState(descriptor);
      for (long key = 0; key < KEYS; key++) {
        backend.setCurrentKey(key, keyGroup(key));
        value.update(key);
      }
      long start = System.nanoTime();
      CompletableFuture<SnapshotManifest> snapshot =
          backend.snapshot("big", LongSerializer.INSTANCE, storage, writer);
      long pauseNanos = System.nanoTime() - start;
      long updatedWhileWriting = 0;
      for (long key = 0; !snapshot.isDone() || key < 1000; key = (key + 1) % KEYS) {
        backend.setCurrentKey(key, keyGroup(key));
        value.update(-key);
        updatedWhileWriting++;
      }
      SnapshotManifest manifest = snapshot.join();
      long writeMillis = (System.nanoTime() - start) / 1_000_000;
      System.out.printf("RocksDB snapshot of %,d keys: task thread paused %.3f ms; written in %,d ms while the"
          + " task thread made %,d updates%n", KEYS, pauseNanos / 1e6, writeMillis, updatedWhileWriting);
      assertEquals(MAX_PARALLELISM, manifest.sections().size(), "one section per key group");
      assertTrue(updatedWhileWriting >= 1000);

      // Incremental: the task thread flushes and hard-links a checkpoint, then keeps updating while it uploads.
      long negated = Math.min(updatedWhileWriting, KEYS); // keys [0, negated) hold -key now, the others key
      start = System.nanoTime();
      CompletableFuture<SnapshotManifest> incremental =
          backend.snapshot("big-incremental", LongSerializer.INSTANCE, registry, writer, SnapshotType.INCREMENTAL);
      pauseNanos = System.nanoTime() - start;
      long updatedWhileUploading = 0;
      for (long key = 0; !incremental.isDone() || key < 1000; key = (key + 1) % KEYS) {
        backend.setCurrentKey(key, keyGroup(key));
        value.update(key * 3); // never what the snapshot holds
        updatedWhileUploading++;
      }
      SnapshotManifest checkpoint = incremental.join();
      System.out.printf("RocksDB incremental snapshot of %,d keys: task thread paused %.3f ms (flush + hard links);"
          + " uploaded %d files in %,d ms while the task thread made %,d updates%n", KEYS, pauseNanos / 1e6,
          checkpoint.files().size(), (System.nanoTime() - start) / 1_000_000, updatedWhileUploading);
      expectedAtIncremental = key -> key < negated ? -key : key;
    } finally {
      writer.shutdown();
    }
    KeyGroupRange part = KeyGroups.rangeFor(0, MAX_PARALLELISM, 32); // 4 of 128 key groups
    try (KeyedStateBackend restored = rocks.createKeyedBackend("big", part, MAX_PARALLELISM, LongSerializer.INSTANCE)) {
      restored.restore(storage, List.of("big"), LongSerializer.INSTANCE);
      ValueState<Long> value = restored.valueState(descriptor);
      long checked = 0;
      for (long key = 0; key < KEYS; key += 7) {
        if (part.contains(keyGroup(key))) {
          restored.setCurrentKey(key, keyGroup(key));
          assertEquals(key, value.value(), "value of key " + key + " as of the snapshot");
          checked++;
        }
      }
      assertTrue(checked > 10_000, "checked " + checked);
    }
    try (KeyedStateBackend restored = rocks.createKeyedBackend("big", part, MAX_PARALLELISM, LongSerializer.INSTANCE)) {
      restored.restore(storage, List.of("big-incremental"), LongSerializer.INSTANCE);
      ValueState<Long> value = restored.valueState(descriptor);
      long checked = 0;
      for (long key = 0; key < KEYS; key += 7) {
        if (part.contains(keyGroup(key))) {
          restored.setCurrentKey(key, keyGroup(key));
          assertEquals(expectedAtIncremental.applyAsLong(key), value.value(), "key " + key + " as of the checkpoint");
          checked++;
        }
      }
      assertTrue(checked > 10_000, "checked " + checked);
    }
  }
}
