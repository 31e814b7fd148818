package io.weir.benchmarks.micro;

import io.weir.benchmarks.wordcount.ZipfLines;
import io.weir.state.KeyGroupRange;
import io.weir.state.KeyGroups;
import io.weir.state.ValueState;
import io.weir.state.backend.KeyedStateBackend;
import io.weir.state.backend.StateDescriptor;
import io.weir.state.heap.HeapStateBackend;
import io.weir.state.serialization.LongSerializer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Heap {@code ValueState<Long>} as W1's counter uses it: 10,000 word keys, all present, visited
 * in W1's Zipf order over one instance owning all 128 key groups. Each operation includes
 * {@code setCurrentKey}, as the runtime calls it before every record; key groups are computed
 * beforehand (see {@link KeyGroupBenchmark}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class HeapValueStateBenchmark {
  private static final int ACCESSES = 4096;
  private static final int MASK = ACCESSES - 1;
  private static final int MAX_PARALLELISM = 128;

  private final String[] keys = new String[ACCESSES];
  private final int[] groups = new int[ACCESSES];
  private final Long[] boxed = new Long[ACCESSES];
  private KeyedStateBackend backend;
  private ValueState<Long> count;
  private int next;

  @Setup
  public void setUp() {
    backend = new HeapStateBackend().createKeyedBackend("count-words", new KeyGroupRange(0, MAX_PARALLELISM - 1), MAX_PARALLELISM);
    count = backend.valueState(StateDescriptor.value("count", LongSerializer.INSTANCE));
    for (int rank = 1; rank <= ZipfLines.VOCABULARY; rank++) {
      String word = ZipfLines.word(rank);
      backend.setCurrentKey(word, KeyGroups.keyGroupFor(word.hashCode(), MAX_PARALLELISM));
      count.update((long) rank);
    }
    for (int i = 0; i < ACCESSES; i++) {
      keys[i] = ZipfLines.word(ZipfLines.rank(ZipfLines.DEFAULT_SEED, i / 10, i % 10));
      groups[i] = KeyGroups.keyGroupFor(keys[i].hashCode(), MAX_PARALLELISM);
      boxed[i] = (long) i;
    }
  }

  @TearDown
  public void tearDown() {
    backend.close();
  }

  @Benchmark
  public Long value() {
    int i = next++ & MASK;
    backend.setCurrentKey(keys[i], groups[i]);
    return count.value();
  }

  /** Stores an already boxed value: the table's own cost. */
  @Benchmark
  public void update() {
    int i = next++ & MASK;
    backend.setCurrentKey(keys[i], groups[i]);
    count.update(boxed[i]);
  }

  /** W1's step: read, add one (boxing a new Long, as user code does), write back. */
  @Benchmark
  public long increment() {
    int i = next++ & MASK;
    backend.setCurrentKey(keys[i], groups[i]);
    Long previous = count.value();
    long n = previous == null ? 1L : previous + 1L;
    count.update(n);
    return n;
  }
}
