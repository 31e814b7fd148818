package io.weir.state.rocksdb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.state.KeyGroups;
import io.weir.state.ReducingState;
import io.weir.state.ValueState;
import io.weir.state.backend.KeyedStateBackend;
import io.weir.state.backend.StateBackend;
import io.weir.state.backend.StateDescriptor;
import io.weir.state.heap.AllKinds;
import io.weir.state.heap.HeapStateBackend;
import io.weir.state.serialization.BinaryInput;
import io.weir.state.serialization.BinaryOutput;
import io.weir.state.serialization.LongSerializer;
import io.weir.state.serialization.StringSerializer;
import io.weir.state.serialization.TypeSerializer;
import io.weir.state.snapshot.LocalDirectorySnapshotStorage;
import io.weir.state.snapshot.SharedFileRegistry;
import io.weir.state.snapshot.SnapshotManifest;
import io.weir.state.snapshot.SnapshotType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The record cache must be invisible: with a bound far below the number of keys (constant
 * eviction), off, and large enough to hold every key dirty, RocksDB gives what the heap gives, and
 * snapshots taken with dirty entries hold every update, at the same and at other parallelisms.
 */
@Timeout(120)
class RocksRecordCacheTest {
  private static final int KEYS = 3_000;
  /** About 20 entries of AllKinds' three cached states: evicts all the time. */
  private static final int TINY_KB = 4;

  @TempDir Path work;
  private LocalDirectorySnapshotStorage storage;
  private SharedFileRegistry registry;
  private final StateBackend heap = new HeapStateBackend();

  @BeforeEach
  void setUp() throws IOException {
    storage = new LocalDirectorySnapshotStorage(work.resolve("snapshots"));
    registry = new SharedFileRegistry(storage);
  }

  private StateBackend rocks(int cacheKilobytes) {
    return new RocksDbStateBackend(work.resolve("rocksdb"), new RocksDbOptions(1, 8, 1).withRecordCacheKilobytes(cacheKilobytes));
  }

  /** One backend instance owning every key group, keys written with {@code keys}. */
  private KeyedStateBackend oneInstance(int cacheKilobytes, TypeSerializer<?> keys) {
    return rocks(cacheKilobytes).createKeyedBackend("op",
        KeyGroups.rangeFor(0, KeyedInstances.MAX_PARALLELISM, 1), KeyedInstances.MAX_PARALLELISM, keys);
  }

  private static RocksRecordCache cacheOf(KeyedStateBackend backend) {
    return ((RocksDbKeyedStateBackend) backend).recordCache();
  }

  /** The same random reads, updates and clears, skewed towards few keys, on the heap and on RocksDB. */
  @ParameterizedTest
  @ValueSource(ints = {0, TINY_KB, 8192})
  void randomOperationsOverManyKeysMatchTheHeap(int cacheKilobytes) {
    try (KeyedInstances onHeap = new KeyedInstances(heap, 1, storage, List.of());
        KeyedInstances onRocks = new KeyedInstances(rocks(cacheKilobytes), 2, storage, List.of())) {
      Random random = new Random(cacheKilobytes);
      for (int step = 0; step < 60_000; step++) {
        String key = "key" + (random.nextBoolean() ? random.nextInt(50) : random.nextInt(KEYS));
        AllKinds expected = onHeap.at(key);
        AllKinds actual = onRocks.at(key);
        int n = random.nextInt(1000);
        switch (random.nextInt(8)) {
          case 0 -> { expected.value.clear(); actual.value.clear(); }
          case 1 -> { expected.sum.clear(); actual.sum.clear(); }
          case 2 -> { expected.mean.clear(); actual.mean.clear(); }
          case 3 -> { expected.value.update(null); actual.value.update(null); }
          case 4, 5 -> {
            assertEquals(expected.value.value(), actual.value.value(), key);
            assertEquals(expected.sum.get(), actual.sum.get(), key);
            assertEquals(expected.mean.get(), actual.mean.get(), key);
          }
          default -> { expected.apply(n); actual.apply(n); }
        }
      }
      assertEquals(onHeap.describe(KEYS), onRocks.describe(KEYS));
      for (KeyedStateBackend backend : onRocks.backends) {
        RocksRecordCache cache = cacheOf(backend);
        if (cacheKilobytes == 0) {
          assertNull(cache);
        } else {
          assertTrue(cache.weight() <= cacheKilobytes * 1024L, "bounded: " + cache.weight());
          assertEquals(cacheKilobytes == TINY_KB, cache.evictions() > 0, "evictions: " + cache.evictions());
        }
      }
      // keyCount reads RocksDB directly: it must see the cached values
      long expectedKeys = onHeap.backends.get(0).keyCount("sum");
      assertEquals(expectedKeys, onRocks.backends.stream().mapToLong(b -> b.keyCount("sum")).sum());
    }
  }

  /** A cache holding every key, all dirty, when the snapshot is taken: the snapshot holds every update. */
  @ParameterizedTest
  @EnumSource(SnapshotType.class)
  void aSnapshotTakenWithDirtyEntriesRestoresEveryUpdateAtAnyParallelism(SnapshotType type) {
    try (KeyedInstances live = new KeyedInstances(rocks(8192), 3, storage, List.of())) {
      live.update(0, KEYS, 0);
      for (KeyedStateBackend backend : live.backends) {
        assertEquals(0, cacheOf(backend).evictions(), "everything still only in the cache");
      }
      Map<String, String> expected = live.describe(KEYS);
      List<String> names = live.snapshot("dirty", registry, type);
      assertEquals(expected, live.describe(KEYS), "a flush keeps the values readable");
      for (int parallelism : new int[] {3, 2, 5}) {
        try (KeyedInstances restored = new KeyedInstances(rocks(8192), parallelism, storage, names)) {
          assertEquals(expected, restored.describe(KEYS), "restored at parallelism " + parallelism);
        }
      }
      try (KeyedInstances restored = new KeyedInstances(heap, 2, storage, names)) {
        assertEquals(expected, restored.describe(KEYS), "restored on the heap");
      }
    }
  }

  /** Snapshots in turn while a tiny cache evicts; each restores exactly what was there when it was taken. */
  @ParameterizedTest
  @EnumSource(SnapshotType.class)
  void successiveSnapshotsWithATinyCacheRescaleExactly(SnapshotType type) {
    try (KeyedInstances live = new KeyedInstances(rocks(TINY_KB), 2, storage, List.of())) {
      live.update(0, KEYS, 0);
      List<String> first = live.snapshot("first", registry, type);
      Map<String, String> atFirst = live.describe(KEYS);
      live.update(KEYS / 2, KEYS, 7); // half the keys again, half new ones
      Map<String, String> atSecond = live.describe(KEYS * 3 / 2);
      List<String> second = live.snapshot("second", registry, type);
      try (KeyedInstances restored = new KeyedInstances(rocks(TINY_KB), 3, storage, first)) {
        assertEquals(atFirst, restored.describe(KEYS));
      }
      try (KeyedInstances restored = new KeyedInstances(rocks(TINY_KB), 1, storage, second)) {
        assertEquals(atSecond, restored.describe(KEYS * 3 / 2));
      }
    }
  }

  /** Writes that evictions make while a full snapshot is being written stay out of it. */
  @Test
  void evictionsDuringAFullSnapshotStayOutOfIt() {
    try (KeyedInstances live = new KeyedInstances(rocks(TINY_KB), 1, storage, List.of())) {
      live.update(0, KEYS, 0);
      Map<String, String> atSnapshot = live.describe(KEYS);
      Queue<Runnable> writer = new ArrayDeque<>();
      CompletableFuture<SnapshotManifest> pending =
          live.backends.get(0).snapshot("frozen", StringSerializer.INSTANCE, storage, writer::add);
      long evictionsBefore = cacheOf(live.backends.get(0)).evictions();
      live.update(0, KEYS, 99);
      assertTrue(cacheOf(live.backends.get(0)).evictions() > evictionsBefore, "the updates were evicted to RocksDB");
      assertFalse(pending.isDone());
      writer.forEach(Runnable::run);
      pending.join();
      try (KeyedInstances restored = new KeyedInstances(heap, 1, storage, List.of("frozen"))) {
        assertEquals(atSnapshot, restored.describe(KEYS));
      }
    }
  }

  /** A clear in the cache deletes the value in RocksDB; a later flush or eviction never brings it back. */
  @Test
  void aClearedKeyIsNotResurrected() {
    try (KeyedInstances live = new KeyedInstances(rocks(TINY_KB), 1, storage, List.of())) {
      KeyedStateBackend backend = live.backends.get(0);
      live.at("gone").apply(5);
      live.snapshot("before", registry, SnapshotType.FULL); // now in RocksDB too, and clean in the cache
      AllKinds gone = live.at("gone");
      gone.value.clear();
      gone.sum.clear();
      live.at("half").apply(1); // a key cleared while never flushed: the delete must not fail
      live.at("half").value.clear();
      backend.snapshot("after", StringSerializer.INSTANCE, storage, Runnable::run).join();
      assertNull(live.at("gone").value.value());
      live.update(0, KEYS, 0); // evicts "gone" and "half" many times over
      assertNull(live.at("gone").value.value());
      assertNull(live.at("gone").sum.get());
      assertEquals(5.0, live.at("gone").mean.get(), "the state not cleared keeps its value");
      assertNull(live.at("half").value.value());
      assertEquals(1L, live.at("half").sum.get());
      try (KeyedInstances restored = new KeyedInstances(heap, 1, storage, List.of("after"))) {
        assertEquals("value=null list=[5] sum=null mean=5.0 map={k2=5}", restored.at("gone").describe());
        assertEquals("value=null list=[1] sum=1 mean=1.0 map={k1=1}", restored.at("half").describe());
      }
      assertEquals(KEYS + 2, backend.keyCount("mean"));
      assertEquals(KEYS + 1, backend.keyCount("sum"), "'gone' has no sum, 'half' has one");
    }
  }

  /** A caller mutating an object after update(), or one value() returned, never changes the state. */
  @ParameterizedTest
  @ValueSource(ints = {0, 8192})
  void mutatingValuesOutsideTheStateChangesNothing(int cacheKilobytes) {
    KeyedStateBackend backend = oneInstance(cacheKilobytes, LongSerializer.INSTANCE);
    try (backend) {
      ValueState<long[]> pair = backend.valueState(StateDescriptor.value("pair", new LongPairSerializer()));
      backend.setCurrentKey(1L, KeyGroups.keyGroupFor(Long.hashCode(1L), KeyedInstances.MAX_PARALLELISM));
      long[] written = {1, 2};
      pair.update(written);
      written[0] = 99;
      long[] read = pair.value();
      assertArrayEquals(new long[] {1, 2}, read);
      read[1] = 77;
      assertArrayEquals(new long[] {1, 2}, pair.value());
      assertNotSame(pair.value(), pair.value());
    }
  }

  /** An object that still views the bytes it was read from keeps its value when the state is updated. */
  @ParameterizedTest
  @ValueSource(ints = {0, 8192})
  void aValueThatViewsItsBytesIsNotOverwritten(int cacheKilobytes) {
    KeyedStateBackend backend = oneInstance(cacheKilobytes, LongSerializer.INSTANCE);
    try (backend) {
      ValueState<ByteBuffer> view = backend.valueState(StateDescriptor.value("view", new TwoByteViewSerializer()));
      backend.setCurrentKey(1L, KeyGroups.keyGroupFor(Long.hashCode(1L), KeyedInstances.MAX_PARALLELISM));
      view.update(ByteBuffer.wrap(new byte[] {1, 2}));
      ByteBuffer first = view.value();
      view.update(ByteBuffer.wrap(new byte[] {3, 4}));
      assertEquals(ByteBuffer.wrap(new byte[] {1, 2}), first);
      assertEquals(ByteBuffer.wrap(new byte[] {3, 4}), view.value());
    }
  }

  /** Two bytes, read as a view of the input's array rather than a copy (BinaryInput.array() allows it). */
  static final class TwoByteViewSerializer implements TypeSerializer<ByteBuffer> {
    @Override
    public void serialize(ByteBuffer value, BinaryOutput out) {
      out.writeByte(value.get(0));
      out.writeByte(value.get(1));
    }

    @Override
    public ByteBuffer deserialize(BinaryInput in) {
      ByteBuffer view = ByteBuffer.wrap(in.array(), in.position(), 2).slice();
      in.skip(2);
      return view;
    }
  }

  /** A state registered after keys were cached gets its own slot in their entries. */
  @Test
  void aStateRegisteredLaterIsCachedBesideTheEarlierOnes() {
    KeyedStateBackend backend = oneInstance(8192, StringSerializer.INSTANCE);
    try (backend) {
      ValueState<String> first = backend.valueState(StateDescriptor.value("first", StringSerializer.INSTANCE));
      for (int k = 0; k < 100; k++) {
        backend.setCurrentKey("k" + k, KeyedInstances.keyGroup("k" + k));
        first.update("f" + k);
      }
      ReducingState<Long> later = backend.reducingState(StateDescriptor.reducing("later", LongSerializer.INSTANCE, Long::sum));
      for (int k = 0; k < 100; k += 2) {
        backend.setCurrentKey("k" + k, KeyedInstances.keyGroup("k" + k));
        later.add((long) k);
        later.add(1L);
      }
      for (int k = 0; k < 100; k++) {
        backend.setCurrentKey("k" + k, KeyedInstances.keyGroup("k" + k));
        assertEquals("f" + k, first.value());
        assertEquals(k % 2 == 0 ? Long.valueOf(k + 1) : null, later.get());
      }
      assertEquals(100, backend.keyCount("first"));
      assertEquals(50, backend.keyCount("later"));
    }
  }

  /** A mutable value type: two longs in an array. */
  static final class LongPairSerializer implements TypeSerializer<long[]> {
    @Override
    public void serialize(long[] value, BinaryOutput out) {
      out.writeLong(value[0]);
      out.writeLong(value[1]);
    }

    @Override
    public long[] deserialize(BinaryInput in) {
      return new long[] {in.readLong(), in.readLong()};
    }
  }
}
