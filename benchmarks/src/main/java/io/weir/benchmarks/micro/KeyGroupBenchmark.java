package io.weir.benchmarks.micro;

import io.weir.benchmarks.wordcount.ZipfLines;
import io.weir.state.KeyGroups;
import java.util.concurrent.TimeUnit;
import org.apache.commons.codec.digest.MurmurHash3;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Nanoseconds per {@link KeyGroups#keyGroupFor} on the hashes of W1's words (Zipf-drawn), with
 * the job default of 128 key groups. {@code murmurOnly} is its hash mix alone (the same
 * commons-codec call), {@code indexOnly} the cost of fetching the next hash alone, so the three
 * together show where the time goes.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class KeyGroupBenchmark {
  private static final int KEYS = 4096;
  private static final int MASK = KEYS - 1;
  private static final int MAX_PARALLELISM = 128;

  private final int[] hashes = new int[KEYS];
  private int next;

  @Setup
  public void setUp() {
    for (int i = 0; i < KEYS; i++) {
      hashes[i] = ZipfLines.word(ZipfLines.rank(ZipfLines.DEFAULT_SEED, i / 10, i % 10)).hashCode();
    }
  }

  @Benchmark
  public int keyGroupFor() {
    return KeyGroups.keyGroupFor(hashes[next++ & MASK], MAX_PARALLELISM);
  }

  @Benchmark
  public int murmurOnly() {
    return MurmurHash3.hash32((long) hashes[next++ & MASK]); // the overload keyGroupFor reaches: an int widens to long
  }

  @Benchmark
  public int indexOnly() {
    return hashes[next++ & MASK];
  }
}
