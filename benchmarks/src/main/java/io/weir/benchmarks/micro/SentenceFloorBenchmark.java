package io.weir.benchmarks.micro;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Floors under every codec's times for record (c), same 1,024 values and index overhead as
 * {@link SerializerBenchmark}. {@link #build}: building the same {@link Sentence} objects (eight
 * fresh strings copied out of a byte array, the exactly sized ArrayList, the record) with nothing
 * parsed, checked or looked up, the word offsets known in advance; a codec cannot read faster
 * without returning shared or lazily decoded strings. {@link #copyChars}: the id and every char of
 * every word stored into a byte array, one byte each, with no capacity, null or range checks and
 * no framing. Kryo's time divided by a floor bounds the speed-up over Kryo that (c) can show.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SentenceFloorBenchmark {
  private static final int VALUES = 1024;
  private static final int MASK = VALUES - 1;

  private long[] ids;
  private byte[] chars;
  private int[][] offsets;
  private int[][] lengths;
  private Object[] values;
  private final byte[] out = new byte[1024];
  private int next;

  @Setup
  public void setUp() {
    List<?> values = RecordKind.SENTENCE.values(VALUES);
    this.values = values.toArray();
    ids = new long[VALUES];
    offsets = new int[VALUES][];
    lengths = new int[VALUES][];
    StringBuilder all = new StringBuilder();
    for (int i = 0; i < VALUES; i++) {
      Sentence sentence = (Sentence) values.get(i);
      List<String> words = sentence.words();
      ids[i] = sentence.id();
      offsets[i] = new int[words.size()];
      lengths[i] = new int[words.size()];
      for (int j = 0; j < words.size(); j++) {
        offsets[i][j] = all.length();
        lengths[i][j] = words.get(j).length();
        all.append(words.get(j)); // the benchmark's words are ASCII
      }
    }
    chars = all.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    for (int i = 0; i < VALUES; i++) {
      if (!values.get(i).equals(build(i))) {
        throw new IllegalStateException("does not rebuild " + values.get(i));
      }
    }
  }

  @Benchmark
  public Object build() {
    return build(next++ & MASK);
  }

  /** Bytes stored; returned so the work cannot be optimized away. */
  @Benchmark
  public int copyChars() {
    Sentence sentence = (Sentence) values[next++ & MASK];
    byte[] b = out;
    long id = sentence.id();
    for (int k = 0; k < 8; k++) {
      b[k] = (byte) (id >>> (56 - 8 * k));
    }
    int p = 8;
    List<String> words = sentence.words();
    for (int j = 0, n = words.size(); j < n; j++) {
      String word = words.get(j);
      for (int c = 0, length = word.length(); c < length; c++) {
        b[p++] = (byte) word.charAt(c);
      }
    }
    return p;
  }

  // the same small String constructor BinaryInput uses (see BinaryInput.latin1)
  @SuppressWarnings("deprecation")
  private Sentence build(int i) {
    int[] offset = offsets[i];
    int[] length = lengths[i];
    List<String> words = new ArrayList<>(offset.length);
    for (int j = 0; j < offset.length; j++) {
      words.add(new String(chars, 0, offset[j], length[j]));
    }
    return new Sentence(ids[i], words);
  }
}
