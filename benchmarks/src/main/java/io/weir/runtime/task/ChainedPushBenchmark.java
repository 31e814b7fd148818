package io.weir.runtime.task;

import io.weir.api.Emitter;
import io.weir.api.JobParameters;
import io.weir.api.OperatorContext;
import io.weir.runtime.metrics.RecordCounter;
import io.weir.runtime.operator.OperatorInvoker;
import io.weir.state.backend.KeyedStateBackend;
import io.weir.state.heap.HeapStateBackend;
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
 * The runtime's cost of passing one record down a chain of operators in one thread, W1's shape
 * without its work: a splitter emitting four records per input, a map, and a sink, each a
 * different invoker class (as generated invokers are), wired tail first through {@code Outputs}
 * exactly as {@code OperatorChain} wires them. Lives in the runtime's package because the chain
 * classes are package-private; it uses only what every version of them has, so the same
 * benchmark runs against older runtime jars for A/B comparisons.
 *
 * <p>Score: ns per input record (five chained calls: head, four times map, four times sink).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ChainedPushBenchmark {

  /** Emits its input and three neighbours. */
  static final class Split implements OperatorInvoker<Object> {
    @Override
    public void open(OperatorContext context, KeyedStateBackend state) {}

    @Override
    public void process(int input, Object record, Emitter<Object> out) {
      long v = (Long) record;
      out.emit(v);
      out.emit(v + 1);
      out.emit(v + 2);
      out.emit(v + 3);
    }

    @Override
    public void close() {}
  }

  /** Doubles. */
  static final class Twice implements OperatorInvoker<Object> {
    @Override
    public void open(OperatorContext context, KeyedStateBackend state) {}

    @Override
    public void process(int input, Object record, Emitter<Object> out) {
      out.emit((Long) record * 2);
    }

    @Override
    public void close() {}
  }

  /** Sums what it gets. */
  static final class Sum implements OperatorInvoker<Object> {
    long sum;

    @Override
    public void open(OperatorContext context, KeyedStateBackend state) {}

    @Override
    public void process(int input, Object record, Emitter<Object> out) {
      sum += (Long) record;
    }

    @Override
    public void close() {}
  }

  private final Sum sum = new Sum();
  private ChainedOperator head;
  private long next;

  private static TaskOperatorContext context(String name) {
    return new TaskOperatorContext("bench", name, 0, 1, JobParameters.empty());
  }

  @Setup
  public void setUp() {
    ChainedOperator sink = new ChainedOperator("k", context("Sum"), sum, Outputs.forSink(context("Sum")), 0, null, 128);
    ChainedOperator twice = new ChainedOperator("t", context("Twice"), new Twice(),
        Outputs.create(context("Twice"), new RecordCounter(), List.of(sink), List.of()), 0, null, 128);
    head = new ChainedOperator("s", context("Split"), new Split(),
        Outputs.create(context("Split"), new RecordCounter(), List.of(twice), List.of()), 0, null, 128);
    for (ChainedOperator op : List.of(sink, twice, head)) {
      op.open(new HeapStateBackend());
    }
  }

  @Benchmark
  public long push() {
    head.push(next++ & 1023);
    return sum.sum;
  }
}
