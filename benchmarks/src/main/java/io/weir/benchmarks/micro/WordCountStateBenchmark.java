package io.weir.benchmarks.micro;

import io.weir.benchmarks.wordcount.ZipfLines;
import io.weir.state.KeyGroupRange;
import io.weir.state.KeyGroups;
import io.weir.state.ValueState;
import io.weir.state.backend.KeyedStateBackend;
import io.weir.state.backend.StateDescriptor;
import io.weir.state.heap.HeapStateBackend;
import io.weir.state.serialization.LongSerializer;
import io.weir.state.serialization.StringSerializer;
import io.weir.state.snapshot.LocalDirectorySnapshotStorage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * W1's keyed read-modify-write on the heap backend as the job does it: the key is a different
 * String object from the stored one (W1's words are fresh substrings), so every lookup compares
 * with {@code equals}; 10,000 keys, all present, visited in W1's Zipf order over 128 key groups;
 * each operation includes {@code setCurrentKey}. Complements {@link HeapValueStateBenchmark},
 * whose lookups hit the identical key object.
 *
 * <p>{@code incrementWhileSnapshotPending}: the same, with a snapshot frozen (not yet written)
 * every 65,536 operations, so copy-on-write copies of the key-group maps are part of the cost.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class WordCountStateBenchmark {
  private static final int ACCESSES = 1 << 16;
  private static final int MASK = ACCESSES - 1;
  private static final int MAX_PARALLELISM = 128;

  private final String[] keys = new String[ACCESSES];
  private final int[] groups = new int[ACCESSES];
  private KeyedStateBackend backend;
  private ValueState<Long> count;
  private LocalDirectorySnapshotStorage storage;
  private Path directory;
  private final ArrayDeque<Runnable> pendingWrites = new ArrayDeque<>();
  private int next;
  private int snapshots;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    backend = new HeapStateBackend().createKeyedBackend("count-words", new KeyGroupRange(0, MAX_PARALLELISM - 1), MAX_PARALLELISM);
    count = backend.valueState(StateDescriptor.value("count", LongSerializer.INSTANCE));
    for (int rank = 1; rank <= ZipfLines.VOCABULARY; rank++) {
      String word = ZipfLines.word(rank);
      backend.setCurrentKey(word, KeyGroups.keyGroupFor(word.hashCode(), MAX_PARALLELISM));
      count.update((long) rank);
    }
    for (int i = 0; i < ACCESSES; i++) {
      keys[i] = new String(ZipfLines.word(ZipfLines.rank(ZipfLines.DEFAULT_SEED, i / 10, i % 10))); // equal, not identical
      groups[i] = KeyGroups.keyGroupFor(keys[i].hashCode(), MAX_PARALLELISM);
    }
    directory = Files.createTempDirectory("weir-state-bench");
    storage = new LocalDirectorySnapshotStorage(directory);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    backend.close();
    try (var files = Files.walk(directory)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  private long step(int i) {
    backend.setCurrentKey(keys[i], groups[i]);
    Long previous = count.value();
    long n = previous == null ? 1L : previous + 1L;
    count.update(n);
    return n;
  }

  /** W1's step: read, add one (boxing a new Long, as user code does), write back. */
  @Benchmark
  public long increment() {
    return step(next++ & MASK);
  }

  @Benchmark
  public long incrementWhileSnapshotPending() {
    int i = next++ & MASK;
    if (i == 0) {
      pendingWrites.clear(); // the frozen maps of the previous snapshot are dropped unwritten
      backend.snapshot("bench-" + snapshots++, StringSerializer.INSTANCE, storage, pendingWrites::add);
    }
    return step(i);
  }
}
