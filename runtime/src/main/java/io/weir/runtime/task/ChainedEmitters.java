package io.weir.runtime.task;

import io.weir.api.Emitter;
import io.weir.runtime.metrics.RecordCounter;
import io.weir.runtime.operator.KeySelector;

/**
 * The emitter of a vertex with exactly one successor, chained in the same thread: it sets the
 * successor's key and calls its invoker directly, as {@link ChainedOperator#push} does.
 *
 * <p>Why eight copies of one method: the JIT profiles a call site per bytecode, not per caller. With
 * one shared {@code invoker.process(...)} call (in {@code push}) every operator of every chain
 * passed through a single site, which turned megamorphic (W1: split, count and sink), so C2 could
 * inline no user code across the chain. Here the emitter into the operator at chain position
 * {@code p} (its distance from the end of the chain) is an instance of class {@code At<p mod 8>},
 * whose own call sites see only that operator's invoker and key selector: user code calling
 * {@code out.emit} calls one emitter class, which calls one invoker, and so on, each monomorphic.
 * Keep the bodies identical; only the class identity matters.
 */
abstract class ChainedEmitters implements Emitter<Object> {
  private static final int POSITIONS = 8;

  final TaskOperatorContext context;
  final RecordCounter counter;
  final ChainedOperator next;

  private ChainedEmitters(TaskOperatorContext context, RecordCounter counter, ChainedOperator next) {
    this.context = context;
    this.counter = counter;
    this.next = next;
  }

  /** The emitter of a vertex whose only successor is {@code next}. */
  static Emitter<Object> to(TaskOperatorContext context, RecordCounter counter, ChainedOperator next) {
    return switch (next.position % POSITIONS) {
      case 0 -> new At0(context, counter, next);
      case 1 -> new At1(context, counter, next);
      case 2 -> new At2(context, counter, next);
      case 3 -> new At3(context, counter, next);
      case 4 -> new At4(context, counter, next);
      case 5 -> new At5(context, counter, next);
      case 6 -> new At6(context, counter, next);
      default -> new At7(context, counter, next);
    };
  }

  /** Counts the record and returns the successor, after rejecting null. */
  final ChainedOperator enter(Object record) {
    if (record == null) {
      throw Outputs.nullEmitted(context);
    }
    counter.increment();
    return next;
  }

  private static final class At0 extends ChainedEmitters {
    At0(TaskOperatorContext context, RecordCounter counter, ChainedOperator next) {
      super(context, counter, next);
    }

    @Override
    public void emit(Object record) {
      ChainedOperator op = enter(record);
      try {
        KeySelector keys = op.selector;
        if (keys != null) {
          op.backend.setCurrentKey(keys.key(op.input, record), op.keyGroups.keyGroup(keys.keyHash(op.input, record)));
        }
        op.invoker.process(op.input, record, op.output);
      } catch (Throwable t) {
        throw op.failed(t);
      }
    }
  }

  private static final class At1 extends ChainedEmitters {
    At1(TaskOperatorContext context, RecordCounter counter, ChainedOperator next) {
      super(context, counter, next);
    }

    @Override
    public void emit(Object record) {
      ChainedOperator op = enter(record);
      try {
        KeySelector keys = op.selector;
        if (keys != null) {
          op.backend.setCurrentKey(keys.key(op.input, record), op.keyGroups.keyGroup(keys.keyHash(op.input, record)));
        }
        op.invoker.process(op.input, record, op.output);
      } catch (Throwable t) {
        throw op.failed(t);
      }
    }
  }

  private static final class At2 extends ChainedEmitters {
    At2(TaskOperatorContext context, RecordCounter counter, ChainedOperator next) {
      super(context, counter, next);
    }

    @Override
    public void emit(Object record) {
      ChainedOperator op = enter(record);
      try {
        KeySelector keys = op.selector;
        if (keys != null) {
          op.backend.setCurrentKey(keys.key(op.input, record), op.keyGroups.keyGroup(keys.keyHash(op.input, record)));
        }
        op.invoker.process(op.input, record, op.output);
      } catch (Throwable t) {
        throw op.failed(t);
      }
    }
  }

  private static final class At3 extends ChainedEmitters {
    At3(TaskOperatorContext context, RecordCounter counter, ChainedOperator next) {
      super(context, counter, next);
    }

    @Override
    public void emit(Object record) {
      ChainedOperator op = enter(record);
      try {
        KeySelector keys = op.selector;
        if (keys != null) {
          op.backend.setCurrentKey(keys.key(op.input, record), op.keyGroups.keyGroup(keys.keyHash(op.input, record)));
        }
        op.invoker.process(op.input, record, op.output);
      } catch (Throwable t) {
        throw op.failed(t);
      }
    }
  }

  private static final class At4 extends ChainedEmitters {
    At4(TaskOperatorContext context, RecordCounter counter, ChainedOperator next) {
      super(context, counter, next);
    }

    @Override
    public void emit(Object record) {
      ChainedOperator op = enter(record);
      try {
        KeySelector keys = op.selector;
        if (keys != null) {
          op.backend.setCurrentKey(keys.key(op.input, record), op.keyGroups.keyGroup(keys.keyHash(op.input, record)));
        }
        op.invoker.process(op.input, record, op.output);
      } catch (Throwable t) {
        throw op.failed(t);
      }
    }
  }

  private static final class At5 extends ChainedEmitters {
    At5(TaskOperatorContext context, RecordCounter counter, ChainedOperator next) {
      super(context, counter, next);
    }

    @Override
    public void emit(Object record) {
      ChainedOperator op = enter(record);
      try {
        KeySelector keys = op.selector;
        if (keys != null) {
          op.backend.setCurrentKey(keys.key(op.input, record), op.keyGroups.keyGroup(keys.keyHash(op.input, record)));
        }
        op.invoker.process(op.input, record, op.output);
      } catch (Throwable t) {
        throw op.failed(t);
      }
    }
  }

  private static final class At6 extends ChainedEmitters {
    At6(TaskOperatorContext context, RecordCounter counter, ChainedOperator next) {
      super(context, counter, next);
    }

    @Override
    public void emit(Object record) {
      ChainedOperator op = enter(record);
      try {
        KeySelector keys = op.selector;
        if (keys != null) {
          op.backend.setCurrentKey(keys.key(op.input, record), op.keyGroups.keyGroup(keys.keyHash(op.input, record)));
        }
        op.invoker.process(op.input, record, op.output);
      } catch (Throwable t) {
        throw op.failed(t);
      }
    }
  }

  private static final class At7 extends ChainedEmitters {
    At7(TaskOperatorContext context, RecordCounter counter, ChainedOperator next) {
      super(context, counter, next);
    }

    @Override
    public void emit(Object record) {
      ChainedOperator op = enter(record);
      try {
        KeySelector keys = op.selector;
        if (keys != null) {
          op.backend.setCurrentKey(keys.key(op.input, record), op.keyGroups.keyGroup(keys.keyHash(op.input, record)));
        }
        op.invoker.process(op.input, record, op.output);
      } catch (Throwable t) {
        throw op.failed(t);
      }
    }
  }
}
