package io.weir.runtime.task;

import io.weir.api.Emitter;
import io.weir.runtime.metrics.RecordCounter;
import io.weir.runtime.network.RecordWriteException;
import io.weir.runtime.network.RecordWriter;
import java.util.List;

/**
 * The emitters handed to user code: each counts the vertex's output, rejects null, and passes the
 * record on to the vertex's successors. One class per shape keeps the common single-successor
 * case a direct, inlinable call: a chained successor gets the very object (no copy, no
 * serialization; {@link ChainedEmitters}, one class per chain position), a network successor
 * gets it serialized into a buffer.
 */
final class Outputs {
  private Outputs() {}

  /** The emitter for a vertex whose successors are {@code chained} (same thread) and {@code writers} (network). */
  static Emitter<Object> create(TaskOperatorContext context, RecordCounter counter, List<ChainedOperator> chained, List<RecordWriter> writers) {
    if (chained.size() == 1 && writers.isEmpty()) {
      return ChainedEmitters.to(context, counter, chained.get(0));
    }
    if (chained.isEmpty() && writers.size() == 1) {
      return new ToNetwork(context, counter, writers.get(0));
    }
    return new ToMany(context, counter, chained.toArray(new ChainedOperator[0]), writers.toArray(new RecordWriter[0]));
  }

  /**
   * The chain position of a vertex emitting to {@code output}: 0 if no chained operator follows,
   * else one more than the largest position among its chained successors.
   */
  static int positionAfter(Emitter<Object> output) {
    if (output instanceof ChainedEmitters single) {
      return single.next.position + 1;
    }
    if (output instanceof ToMany many) {
      int position = 0;
      for (ChainedOperator next : many.chained) {
        position = Math.max(position, next.position + 1);
      }
      return position;
    }
    return 0;
  }

  /** The emitter of a sink, which must not emit. */
  static Emitter<Object> forSink(TaskOperatorContext context) {
    return record -> {
      throw context.failure("a sink cannot emit records", null);
    };
  }

  static OperatorException nullEmitted(TaskOperatorContext context) {
    return context.failure("emitted null; records must not be null", new NullPointerException("null record"));
  }

  static OperatorException writeFailed(TaskOperatorContext context, RecordWriteException e) {
    return context.failure(e.getMessage(), e.getCause());
  }

  private static final class ToNetwork implements Emitter<Object> {
    private final TaskOperatorContext context;
    private final RecordCounter counter;
    private final RecordWriter writer;

    ToNetwork(TaskOperatorContext context, RecordCounter counter, RecordWriter writer) {
      this.context = context;
      this.counter = counter;
      this.writer = writer;
    }

    @Override
    public void emit(Object record) {
      if (record == null) {
        throw nullEmitted(context);
      }
      counter.increment();
      try {
        writer.emit(record);
      } catch (RecordWriteException e) {
        throw writeFailed(context, e);
      }
    }
  }

  /** Fan-out (or no successor at all): every record to every successor. */
  private static final class ToMany implements Emitter<Object> {
    private final TaskOperatorContext context;
    private final RecordCounter counter;
    private final ChainedOperator[] chained;
    private final RecordWriter[] writers;

    ToMany(TaskOperatorContext context, RecordCounter counter, ChainedOperator[] chained, RecordWriter[] writers) {
      this.context = context;
      this.counter = counter;
      this.chained = chained;
      this.writers = writers;
    }

    @Override
    public void emit(Object record) {
      if (record == null) {
        throw nullEmitted(context);
      }
      counter.increment();
      for (ChainedOperator next : chained) {
        next.push(record);
      }
      try {
        for (RecordWriter writer : writers) {
          writer.emit(record);
        }
      } catch (RecordWriteException e) {
        throw writeFailed(context, e);
      }
    }
  }
}
