package io.weir.benchmarks.micro;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Nanoseconds to serialize and to deserialize one record, generated Weir serializer vs registered
 * Kryo 5 vs hand-written, for each {@link RecordKind}. Each call takes the next of 1024 different
 * values (same index overhead for every codec); reads come from one array holding all 1024
 * encodings. Bytes per record are printed by {@link RecordSizes}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SerializerBenchmark {
  private static final int VALUES = 1024; // a power of two: the index wraps with a mask
  private static final int MASK = VALUES - 1;

  @Param({"SAMPLE", "READING", "SENTENCE"})
  public RecordKind record;

  @Param({"weir", "kryo", "hand"})
  public String codec;

  private Codec subject;
  private Object[] values;
  private byte[] encoded;
  private int[] offsets;
  private int[] lengths;
  private int next;

  @Setup
  public void setUp() {
    subject = Codec.create(codec, record);
    List<?> list = record.values(VALUES);
    values = list.toArray();
    offsets = new int[VALUES];
    lengths = new int[VALUES];
    byte[] all = new byte[1024];
    int end = 0;
    for (int i = 0; i < VALUES; i++) {
      int length = subject.write(values[i]);
      if (end + length > all.length) {
        all = java.util.Arrays.copyOf(all, Math.max(2 * all.length, end + length));
      }
      System.arraycopy(subject.written(), 0, all, end, length);
      offsets[i] = end;
      lengths[i] = length;
      end += length;
    }
    encoded = java.util.Arrays.copyOf(all, end);
    for (int i = 0; i < VALUES; i++) { // a codec that cannot read its own bytes must not be timed
      if (!values[i].equals(subject.read(encoded, offsets[i], lengths[i]))) {
        throw new IllegalStateException(codec + " does not round-trip " + values[i]);
      }
    }
  }

  /** Bytes written; returned so the work cannot be optimized away. */
  @Benchmark
  public int serialize() {
    return subject.write(values[next++ & MASK]);
  }

  @Benchmark
  public Object deserialize() {
    int i = next++ & MASK;
    return subject.read(encoded, offsets[i], lengths[i]);
  }
}
