package io.weir.runtime.task;

import io.weir.api.Emitter;
import io.weir.api.SourceReader;
import io.weir.runtime.graph.PhysicalEdge;
import io.weir.runtime.graph.TaskSpec;
import io.weir.runtime.network.EndOfInput;
import io.weir.runtime.network.RecordWriter;
import io.weir.runtime.network.TaskCancelledException;
import io.weir.runtime.network.Watermark;
import io.weir.runtime.network.WatermarkStatus;
import io.weir.runtime.operator.OperatorInvoker;
import io.weir.runtime.operator.SideOutputBinding;
import io.weir.runtime.operator.TimerInvoker;
import io.weir.runtime.operator.TransactionalSinkBinding;
import io.weir.runtime.plan.VertexKind;
import io.weir.runtime.plan.VertexPlan;
import io.weir.state.backend.StateBackend;
import io.weir.state.snapshot.SnapshotStorage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The user objects of one subtask, wired together: the source reader (for a source task) or head
 * operator, the chained operators behind it, and the emitters between them. Built, opened, run and
 * closed by the subtask's own thread, which alone touches them.
 */
final class OperatorChain {
  private final SubtaskSetup setup;
  private final List<ChainedOperator> operators = new ArrayList<>(); // topological order
  private final Map<String, ChainedOperator> byVertex = new HashMap<>();
  private final List<RecordWriter> writers;
  private final SubtaskOperatorState operatorState;
  /** What the subtask resumes from, or null when it starts empty. */
  private final SubtaskRestore restore;
  /** The two-phase commit driver of each transactional sink, by vertex id. */
  private final Map<String, SinkTransactions> transactions = new HashMap<>();
  private SourceReader<Object> source;
  private TaskOperatorContext sourceContext;
  private Emitter<Object> sourceOutput;
  private boolean sourceOpened;
  private boolean sourceClosed;
  private SourceTime sourceTime;
  /** The backend each operator opens with, aligned with {@code operators}: a {@link TimedOperator} for those with timers. */
  private final List<StateBackend> backendOf = new ArrayList<>();
  private final List<TimedOperator> timed = new ArrayList<>(); // topological order
  private long watermark = Long.MIN_VALUE;
  private boolean idle;

  /** Creates the user objects (their constructors run here) and the emitters, tail first. */
  @SuppressWarnings("unchecked")
  OperatorChain(SubtaskSetup setup) {
    this.setup = setup;
    this.writers = List.copyOf(setup.writers().values());
    TaskSpec task = setup.task();
    this.restore = setup.checkpointing() == null ? null : setup.checkpointing().restore();
    // resuming from a checkpoint: its operator state replaces any given separately
    this.operatorState = new SubtaskOperatorState(setup.subtaskIndex(), task.parallelism(),
        restore != null ? restore.operatorState() : setup.operatorStateRestore());
    List<VertexPlan> vertices = task.vertices();
    ChainedOperator[] created = new ChainedOperator[vertices.size()];
    TimedOperator[] timers = new TimedOperator[vertices.size()];
    for (int i = vertices.size() - 1; i >= 0; i--) {
      VertexPlan v = vertices.get(i);
      TaskOperatorContext context = context(v);
      Emitter<Object> output = v.kind() == VertexKind.SINK
          ? Outputs.forSink(context)
          : emitterFor(v, null, context);
      if (v.kind() == VertexKind.SOURCE) {
        sourceContext = context;
        sourceOutput = output;
        source = (SourceReader<Object>) create(context, () -> v.sourceFactory().get());
        bindOperatorState(v, context, source);
        if (v.eventTime() != null) {
          sourceTime = new SourceTime(this, v.eventTime(), setup.watermarkInterval(), context);
          sourceOutput = sourceTime.wrap(source, output);
        }
        continue;
      }
      PhysicalEdge in = task.chainedInputOf(v.id());
      OperatorInvoker<Object> invoker = (OperatorInvoker<Object>) create(context, () -> v.invokerFactory().get());
      bindOperatorState(v, context, invoker);
      if (invoker instanceof TransactionalSinkBinding binding) {
        transactions.put(v.id(), SinkTransactions.bind(v.id(), binding, operatorState, context));
      }
      bindSideOutputs(v, context, invoker);
      ChainedOperator op = new ChainedOperator(
          v.id(), context, invoker, output, in == null ? 0 : in.targetInput(), v.keySelector(), setup.maxParallelism());
      created[i] = op;
      byVertex.put(v.id(), op);
      if (invoker instanceof TimerInvoker<Object> timerInvoker) {
        timers[i] = new TimedOperator(setup.stateBackend(), timerInvoker, output, context, System::currentTimeMillis);
      }
    }
    for (int i = 0; i < created.length; i++) {
      if (created[i] != null) {
        operators.add(created[i]);
        backendOf.add(timers[i] != null ? timers[i] : setup.stateBackend());
        if (timers[i] != null) {
          timed.add(timers[i]);
        }
      }
    }
  }

  /** The emitter of {@code v}'s output {@code output} (null: the main one) to the successors reading it. */
  private Emitter<Object> emitterFor(VertexPlan v, String output, TaskOperatorContext context) {
    List<ChainedOperator> chained = new ArrayList<>();
    List<RecordWriter> network = new ArrayList<>();
    for (PhysicalEdge e : setup.task().outputsOf(v.id())) {
      if (!Objects.equals(e.output(), output)) {
        continue;
      }
      if (e.chained()) {
        chained.add(byVertex.get(e.to().id()));
      } else {
        network.add(setup.writers().get(e));
      }
    }
    return Outputs.create(context, setup.outCounters().get(v.id()), chained, network);
  }

  /** Gives an operator with side outputs an emitter for each (one that drops records when nothing reads it). */
  private void bindSideOutputs(VertexPlan v, TaskOperatorContext context, OperatorInvoker<Object> invoker) {
    if (v.sideOutputs().isEmpty()) {
      return;
    }
    if (!(invoker instanceof SideOutputBinding binding)) {
      throw context.failure("declares side outputs " + v.sideOutputs().keySet() + " but its invoker cannot bind them",
          null);
    }
    for (String name : v.sideOutputs().keySet()) {
      binding.bindSideOutput(name, emitterFor(v, name, context));
    }
  }

  private TaskOperatorContext context(VertexPlan v) {
    return new TaskOperatorContext(
        setup.jobName(), v.name(), setup.subtaskIndex(), setup.task().parallelism(), setup.parameters());
  }

  private static Object create(TaskOperatorContext context, Supplier<?> factory) {
    Object created;
    try {
      created = factory.get();
    } catch (Throwable t) {
      throw context.failure("could not be created", t);
    }
    if (created == null) {
      throw context.failure("its factory returned null", null);
    }
    return created;
  }

  /** Restores and binds the operator state of a source reader or sink invoker that declares some. */
  private void bindOperatorState(VertexPlan v, TaskOperatorContext context, Object instance) {
    try {
      operatorState.bind(v.id(), instance);
    } catch (Throwable t) {
      throw context.failure("could not restore its operator state", t);
    }
  }

  /**
   * Snapshots the operator state of this subtask's sources and sinks; for the checkpoint protocol,
   * which calls it on the task thread between two records. Only the freeze happens here; see
   * {@link SubtaskOperatorState#snapshot}.
   */
  CompletableFuture<Map<String, String>> snapshotOperatorState(String snapshotId, SnapshotStorage storage,
      Executor writer) {
    return operatorState.snapshot(snapshotId, storage, writer);
  }

  /** What the subtask resumes from, or null when it starts empty. */
  SubtaskRestore restore() {
    return restore;
  }

  /** The chain's operators and sinks (not the source), in topological order. */
  List<ChainedOperator> operators() {
    return operators;
  }

  /** At the barrier of checkpoint {@code checkpointId}, before the operator state snapshot: transactional sinks pre-commit. */
  void preCommitSinks(long checkpointId) {
    for (SinkTransactions t : transactions.values()) {
      t.preCommit(checkpointId);
    }
  }

  /** Checkpoint {@code checkpointId} completed: transactional sinks commit what they pre-committed up to it. */
  void commitSinks(long checkpointId) {
    for (SinkTransactions t : transactions.values()) {
      t.commitUpTo(checkpointId);
    }
  }

  /** Sends {@code event} on every network output, after the records written so far (priority barriers may overtake them). */
  void broadcastEvent(io.weir.runtime.network.ChannelEvent event) {
    for (RecordWriter writer : writers) {
      writer.broadcastEvent(event);
    }
  }

  /** Opens downstream operators before upstream ones, the source last, so that whatever emits finds its successors ready. */
  void open() {
    for (int i = operators.size() - 1; i >= 0; i--) {
      ChainedOperator op = operators.get(i);
      op.open(backendOf.get(i), restore);
    }
    if (restore != null) { // the sinks opened: commit what the restored checkpoint pre-committed
      for (SinkTransactions t : transactions.values()) {
        t.recover(restore.checkpointId());
      }
    }
    if (source != null) {
      sourceOpened = true;
      try {
        source.open(sourceContext);
      } catch (OperatorException | TaskCancelledException e) {
        throw e;
      } catch (Throwable t) {
        throw sourceContext.failure("open failed", t);
      }
    }
  }

  SourceReader<Object> source() {
    return source;
  }

  TaskOperatorContext sourceContext() {
    return sourceContext;
  }

  Emitter<Object> sourceOutput() {
    return sourceOutput;
  }

  /** The event time of a source task whose source declares it, else null. */
  SourceTime sourceTime() {
    return sourceTime;
  }

  /**
   * Moves the chain's event time to {@code newWatermark} if that is later: fires the event-time
   * timers of each operator in topological order (what they emit reaches their successors first),
   * then sends the watermark on every network output, after all records it covers.
   */
  void advanceWatermark(long newWatermark) {
    if (newWatermark <= watermark) {
      return;
    }
    watermark = newWatermark;
    for (TimedOperator op : timed) {
      op.advanceWatermark(newWatermark);
    }
    Watermark event = new Watermark(newWatermark);
    for (RecordWriter writer : writers) {
      writer.broadcastEvent(event);
    }
  }

  /** Tells downstream that this task has become idle (or active again), when that changes. */
  void setIdle(boolean nowIdle) {
    if (nowIdle == idle) {
      return;
    }
    idle = nowIdle;
    WatermarkStatus status = nowIdle ? WatermarkStatus.IDLE : WatermarkStatus.ACTIVE;
    for (RecordWriter writer : writers) {
      writer.broadcastEvent(status);
    }
  }

  /** Whether some operator of the chain has timers. */
  boolean hasTimers() {
    return !timed.isEmpty();
  }

  /** Fires the processing-time timers that are due; returns when the next one is, {@code Long.MAX_VALUE} for none. */
  long fireProcessingTimers() {
    long next = Long.MAX_VALUE;
    for (TimedOperator op : timed) {
      op.advanceProcessingTime();
      next = Math.min(next, op.nextProcessingTime());
    }
    return next;
  }

  /** The head operator of a network-fed task. */
  ChainedOperator head() {
    return operators.get(0);
  }

  /** Ships partly filled output buffers. */
  void flush() {
    for (RecordWriter writer : writers) {
      writer.flush();
    }
  }

  /** The source reported the end of its input: close it now, as the contract of END_OF_INPUT says. */
  void closeSource() {
    if (source == null || sourceClosed) {
      return;
    }
    sourceClosed = true;
    try {
      source.close();
    } catch (Throwable t) {
      throw sourceContext.failure("close failed", t);
    }
  }

  /**
   * Normal end: closes the source and the operators head to tail, then flushes and sends
   * END_OF_INPUT downstream. A failing close fails the subtask (the remaining objects are then
   * closed by {@link #closeAfterFailure}).
   */
  void finish() {
    closeSource();
    for (ChainedOperator op : operators) { // head first: a sink has every record when it ends its input
      SinkTransactions t = transactions.get(op.vertexId());
      if (t != null) {
        t.endOfInput();
      }
      op.close();
    }
    for (RecordWriter writer : writers) {
      writer.broadcastEvent(EndOfInput.INSTANCE);
    }
  }

  /** After a failure or cancellation: closes every opened object, adding what they throw to {@code primary}. */
  void closeAfterFailure(Throwable primary) {
    if (source != null && sourceOpened && !sourceClosed) {
      sourceClosed = true;
      try {
        source.close();
      } catch (Throwable t) {
        addSuppressed(primary, sourceContext.failure("close failed", t));
      }
    }
    for (SinkTransactions t : transactions.values()) {
      t.abortOpen(primary);
    }
    for (ChainedOperator op : operators) {
      try {
        op.close();
      } catch (Throwable t) {
        addSuppressed(primary, t);
      }
    }
    for (RecordWriter writer : writers) {
      writer.releaseBuffers();
    }
  }

  private static void addSuppressed(Throwable primary, Throwable secondary) {
    if (primary != secondary) {
      primary.addSuppressed(secondary);
    }
  }
}
