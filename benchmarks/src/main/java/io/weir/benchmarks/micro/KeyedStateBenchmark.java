package io.weir.benchmarks.micro;

import io.weir.state.KeyGroupRange;
import io.weir.state.KeyGroups;
import io.weir.state.ListState;
import io.weir.state.MapState;
import io.weir.state.ReducingState;
import io.weir.state.ValueState;
import io.weir.state.backend.KeyedStateBackend;
import io.weir.state.backend.StateBackend;
import io.weir.state.backend.StateDescriptor;
import io.weir.state.heap.HeapStateBackend;
import io.weir.state.rocksdb.RocksDbOptions;
import io.weir.state.rocksdb.RocksDbStateBackend;
import io.weir.state.serialization.LongSerializer;
import io.weir.state.serialization.StringSerializer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One read or update of each keyed state kind, per backend: 10,000 string keys, all present
 * (a value, a sum, 8 map entries each), visited in a fixed uniform random order over one instance
 * owning all 128 key groups. Each operation includes {@code setCurrentKey}, as the runtime calls it
 * before every record. Lists are cleared before each iteration so {@code listAdd} appends to short
 * lists. RocksDB runs with the default {@code RocksDbOptions} in a temporary directory
 * ({@code rocksdb}: its record cache holds every key's value and sum; {@code rocksdb-nocache}:
 * the record cache off, every access crosses JNI).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class KeyedStateBenchmark {
  private static final int KEYS = 10_000;
  private static final int ACCESSES = 4096;
  private static final int MASK = ACCESSES - 1;
  private static final int MAX_PARALLELISM = 128;
  private static final int MAP_ENTRIES = 8;

  @Param({"heap", "rocksdb", "rocksdb-nocache"})
  public String backend;

  private final String[] keys = new String[ACCESSES];
  private final int[] groups = new int[ACCESSES];
  private final Long[] boxed = new Long[ACCESSES];
  private final String[] mapKeys = new String[ACCESSES];
  private Path directory;
  private KeyedStateBackend state;
  private ValueState<Long> value;
  private ListState<Long> list;
  private MapState<String, Long> map;
  private ReducingState<Long> sum;
  private int next;

  @Setup
  public void setUp() throws IOException {
    StateBackend chosen;
    if (backend.startsWith("rocksdb")) {
      directory = Files.createTempDirectory("weir-state-bench-");
      chosen = new RocksDbStateBackend(directory,
          backend.equals("rocksdb-nocache") ? RocksDbOptions.defaults().withRecordCacheKilobytes(0) : RocksDbOptions.defaults());
    } else {
      chosen = new HeapStateBackend();
    }
    state = chosen.createKeyedBackend("bench", new KeyGroupRange(0, MAX_PARALLELISM - 1), MAX_PARALLELISM,
        StringSerializer.INSTANCE);
    value = state.valueState(StateDescriptor.value("value", LongSerializer.INSTANCE));
    list = state.listState(StateDescriptor.list("list", LongSerializer.INSTANCE));
    map = state.mapState(StateDescriptor.map("map", StringSerializer.INSTANCE, LongSerializer.INSTANCE));
    sum = state.reducingState(StateDescriptor.reducing("sum", LongSerializer.INSTANCE, Long::sum));
    for (int k = 0; k < KEYS; k++) {
      String key = "key" + k;
      state.setCurrentKey(key, KeyGroups.keyGroupFor(key.hashCode(), MAX_PARALLELISM));
      value.update((long) k);
      sum.add((long) k);
      for (int m = 0; m < MAP_ENTRIES; m++) {
        map.put("m" + m, (long) m);
      }
    }
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < ACCESSES; i++) {
      keys[i] = "key" + random.nextInt(KEYS);
      groups[i] = KeyGroups.keyGroupFor(keys[i].hashCode(), MAX_PARALLELISM);
      boxed[i] = (long) i;
      mapKeys[i] = "m" + (i % MAP_ENTRIES);
    }
  }

  @Setup(Level.Iteration)
  public void clearLists() {
    for (int i = 0; i < ACCESSES; i++) {
      state.setCurrentKey(keys[i], groups[i]);
      list.clear();
    }
  }

  @TearDown
  public void tearDown() throws IOException {
    state.close();
    if (directory != null) {
      Files.deleteIfExists(directory);
    }
  }

  private int nextKey() {
    int i = next++ & MASK;
    state.setCurrentKey(keys[i], groups[i]);
    return i;
  }

  @Benchmark
  public Long valueGet() {
    nextKey();
    return value.value();
  }

  @Benchmark
  public void valueUpdate() {
    value.update(boxed[nextKey()]);
  }

  @Benchmark
  public void listAdd() {
    list.add(boxed[nextKey()]);
  }

  @Benchmark
  public void mapPut() {
    int i = nextKey();
    map.put(mapKeys[i], boxed[i]);
  }

  @Benchmark
  public Long mapGet() {
    int i = nextKey();
    return map.get(mapKeys[i]);
  }

  @Benchmark
  public void reducingAdd() {
    sum.add(boxed[nextKey()]);
  }
}
