package io.weir.runtime.task;

import io.weir.api.Emitter;
import io.weir.runtime.network.KeyGroupAssigner;
import io.weir.runtime.network.TaskCancelledException;
import io.weir.runtime.operator.KeySelector;
import io.weir.runtime.operator.OperatorInvoker;
import io.weir.state.KeyGroups;
import io.weir.state.backend.KeyedStateBackend;
import io.weir.state.backend.StateBackend;

/**
 * One operator or sink instance inside a task: its generated invoker, the output it emits to and,
 * for keyed vertices, its state. {@link #push} is the per-record entry point: it sets the record's
 * key as the current key, calls the invoker, and turns anything thrown into an
 * {@link OperatorException} naming this instance (exceptions already naming a downstream operator
 * pass through unchanged).
 */
public final class ChainedOperator {
  private final String vertexId;
  private final TaskOperatorContext context;
  // read directly by ChainedEmitters, which repeat push's body once per chain position
  final OperatorInvoker<Object> invoker;
  final int input;
  final KeySelector selector;
  final KeyGroupAssigner keyGroups;
  final Emitter<Object> output;
  /** Distance to the end of the chain: 0 if nothing chained follows (a sink, or only network outputs). */
  final int position;
  private final int maxParallelism;
  KeyedStateBackend backend;
  private boolean opened;
  private boolean closed;

  /**
   * @param input the input index that records pushed without one (chained records) arrive on
   * @param selector key selector for keyed vertices, else null
   */
  ChainedOperator(String vertexId, TaskOperatorContext context, OperatorInvoker<Object> invoker, Emitter<Object> output, int input,
      KeySelector selector, int maxParallelism) {
    this.vertexId = vertexId;
    this.output = output;
    this.context = context;
    this.invoker = invoker;
    this.input = input;
    this.selector = selector;
    this.maxParallelism = maxParallelism;
    this.keyGroups = new KeyGroupAssigner(maxParallelism);
    this.position = Outputs.positionAfter(output);
  }

  public TaskOperatorContext context() {
    return context;
  }

  String vertexId() {
    return vertexId;
  }

  /** Creates the keyed state (keyed vertices) and opens the invoker, starting empty. */
  void open(StateBackend stateBackend) {
    open(stateBackend, null);
  }

  /**
   * Creates the keyed state (keyed vertices), restores it from {@code restore} when resuming (before
   * the invoker registers any state, as restoring requires) and opens the invoker.
   *
   * @param restore what the subtask resumes from, or null to start empty
   */
  void open(StateBackend stateBackend, SubtaskRestore restore) {
    try {
      if (selector != null) {
        backend = stateBackend.createKeyedBackend(vertexId,
            KeyGroups.rangeFor(context.subtaskIndex(), maxParallelism, context.parallelism()), maxParallelism,
            selector.keySerializer()); // backends that store keys as bytes (RocksDB) need it
        if (restore != null && !restore.keyedOf(vertexId).isEmpty()) {
          restoreKeyed(restore);
        }
      } else if (restore != null && !restore.keyedOf(vertexId).isEmpty()) {
        throw new IllegalStateException("the snapshot has keyed state for vertex " + vertexId
            + ", which is not keyed: it would be lost");
      }
      opened = true;
      invoker.open(context, backend);
    } catch (OperatorException | TaskCancelledException e) {
      throw e;
    } catch (Throwable t) {
      throw context.failure("open failed", t);
    }
  }

  private void restoreKeyed(SubtaskRestore restore) {
    try {
      backend.restore(restore.storage(), restore.keyedOf(vertexId), selector.keySerializer());
    } catch (RuntimeException e) {
      throw context.failure("could not restore its keyed state of checkpoint " + restore.checkpointId() + ": "
          + e.getMessage(), e);
    }
  }

  /** A record from the chained upstream (fan-out emitters; single successors use {@link ChainedEmitters}). */
  void push(Object record) {
    push(input, record);
  }

  /** A record on input {@code input}. */
  void push(int input, Object record) {
    try {
      if (selector != null) {
        backend.setCurrentKey(selector.key(input, record), keyGroups.keyGroup(selector.keyHash(input, record)));
      }
      invoker.process(input, record, output);
    } catch (Throwable t) {
      throw failed(t);
    }
  }

  /**
   * A record on input {@code input} of a keyed vertex whose key group the producer already computed
   * with this vertex's key selector (a keyed exchange that hands over objects).
   */
  void push(int input, Object record, int keyGroup) {
    try {
      backend.setCurrentKey(selector.key(input, record), keyGroup);
      invoker.process(input, record, output);
    } catch (Throwable t) {
      throw failed(t);
    }
  }

  /** Whether this is a keyed vertex (it has a key selector and keyed state). */
  boolean isKeyed() {
    return selector != null;
  }

  /**
   * What to throw for {@code t}, thrown while this operator processed a record: exceptions that
   * already name an operator (a downstream one) or cancel the task pass through unchanged.
   */
  RuntimeException failed(Throwable t) {
    if (t instanceof OperatorException e) {
      return e;
    }
    if (t instanceof TaskCancelledException e) {
      return e;
    }
    return context.failure(null, t);
  }

  /** Closes the invoker and the state, if opened; throws what the user's close threw, named. */
  void close() {
    if (!opened || closed) {
      return;
    }
    closed = true;
    try {
      invoker.close();
    } catch (Throwable t) {
      throw context.failure("close failed", t);
    } finally {
      if (backend != null) {
        backend.close();
      }
    }
  }
}
