package io.weir.runtime.testing;

import io.weir.api.Emitter;
import io.weir.api.JobParameters;
import io.weir.runtime.operator.KeySelector;
import io.weir.api.TimeDomain;
import io.weir.runtime.operator.OperatorInvoker;
import io.weir.runtime.operator.SideOutputBinding;
import io.weir.runtime.operator.TimerInvoker;
import io.weir.runtime.operator.TransactionalSinkBinding;
import io.weir.runtime.plan.JobPlan;
import io.weir.runtime.plan.VertexKind;
import io.weir.runtime.plan.VertexPlan;
import io.weir.runtime.task.PendingTransaction;
import io.weir.runtime.task.SinkTransactions;
import io.weir.runtime.task.SubtaskOperatorState;
import io.weir.runtime.task.TaskOperatorContext;
import io.weir.state.KeyGroupRange;
import io.weir.state.KeyGroups;
import io.weir.state.backend.KeyedStateBackend;
import io.weir.state.backend.StateBackend;
import io.weir.state.backend.StateDescriptor;
import io.weir.state.heap.HeapStateBackend;
import io.weir.state.snapshot.SnapshotStorage;
import io.weir.state.timers.KeyedTimers;
import io.weir.state.timers.TimerKeyedStateBackend;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Drives one instance of an operator or sink through its generated invoker, without threads or a
 * job: feed records, read what it emitted and the state it keeps per key.
 *
 * <pre>{@code
 * try (OperatorHarness<WordCount> count = OperatorHarness.of(Count.class)) {
 *   count.process(new Word("a")).process(new Word("a"));
 *   assertEquals(2L, count.<Long>valueState("count", "a"));
 *   assertEquals(List.of(new WordCount("a", 1), new WordCount("a", 2)), count.output());
 * }
 * }</pre>
 *
 * Keyed operators get the key of each record set as the current key, on a heap backend that owns
 * every key group. Emitted records are round-tripped through the vertex's output serializer by
 * default, so {@link #output()} holds what a downstream operator would receive and a broken
 * serializer fails the test at the emit that exposes it. The instance is opened on first use and
 * closed by {@link #close()}.
 *
 * <p>Operators with timers: {@link #advanceWatermark} and {@link #setProcessingTime} move time
 * and fire due timers; timers are saved and restored with the keyed state.
 *
 * <p>{@link #snapshot} saves the keyed state the way a running task does (frozen on the calling
 * thread, written on another); {@link #restoreFrom} starts a fresh harness from such a snapshot:
 *
 * <pre>{@code
 * OperatorSnapshot saved = count.snapshot(new LocalDirectorySnapshotStorage(dir));
 * try (OperatorHarness<WordCount> again = OperatorHarness.<WordCount>of(Count.class).restoreFrom(saved)) {
 *   again.process(new Word("a"));   // continues from the saved count
 * }
 * }</pre>
 *
 * <p>A transactional sink (one implementing {@code TwoPhaseCommitSink}) goes through checkpoints as
 * in a running job: {@link #snapshot(long, SnapshotStorage)} pre-commits its open transaction
 * before saving the operator state that holds the pending ones, {@link #notifyCheckpointComplete}
 * commits them, and a harness restored from a snapshot lets the sink recover and commits the
 * restored transactions when it opens:
 *
 * <pre>{@code
 * files.process("a").process("b");
 * OperatorSnapshot saved = files.snapshot(1, storage);  // a, b pre-committed: durable, not visible
 * files.notifyCheckpointComplete(1);                    // visible
 * }</pre>
 *
 * @param <OUT> the operator's output type
 */
public final class OperatorHarness<OUT> implements AutoCloseable {
  private final JobPlan plan;
  private final VertexPlan vertex;
  private final List<OUT> output = new ArrayList<>();
  private final Map<String, List<Object>> sideOutputs = new LinkedHashMap<>();
  private final Map<Object, Integer> keyGroupOfKey = new HashMap<>();
  private JobParameters parameters = JobParameters.empty();
  private int subtaskIndex;
  private int parallelism = 1;
  private boolean checkSerialization = true;
  private OperatorSnapshot restoreFrom;
  private StateBackend stateBackend = new HeapStateBackend();
  private OperatorInvoker<Object> invoker;
  private Emitter<Object> emitter;
  private RecordingStateBackend state;
  private SubtaskOperatorState operatorState;
  private SinkTransactions transactions;
  private long lastCheckpointId;
  private KeyedTimers timers;
  private long processingTime;
  private boolean closed;

  private OperatorHarness(JobPlan plan, VertexPlan vertex) {
    if (vertex.kind() == VertexKind.SOURCE) {
      throw new IllegalArgumentException(vertex.name() + " is a source: use SourceHarness");
    }
    this.plan = plan;
    this.vertex = vertex;
  }

  /** A harness for the generated invoker of {@code operatorClass}, found among the jobs on its class loader. */
  public static <OUT> OperatorHarness<OUT> of(Class<?> operatorClass) {
    JobPlan plan = HarnessSupport.planContaining(operatorClass);
    return new OperatorHarness<>(plan, HarnessSupport.vertex(plan, operatorClass.getName()));
  }

  /** A harness for the vertex named {@code vertexName} of {@code plan}. */
  public static <OUT> OperatorHarness<OUT> of(JobPlan plan, String vertexName) {
    for (VertexPlan v : plan.vertices()) {
      if (v.name().equals(vertexName)) {
        return new OperatorHarness<>(plan, v);
      }
    }
    throw new IllegalArgumentException("job '" + plan.name() + "' has no vertex named '" + vertexName + "'");
  }

  /** Program arguments the operator's context reports. */
  public OperatorHarness<OUT> withParameters(String... args) {
    checkNotOpened();
    this.parameters = JobParameters.of(args);
    return this;
  }

  /** The subtask index and parallelism the operator's context reports (default 0 of 1). */
  public OperatorHarness<OUT> subtask(int index, int parallelism) {
    checkNotOpened();
    HarnessSupport.checkSubtask(index, parallelism);
    this.subtaskIndex = index;
    this.parallelism = parallelism;
    return this;
  }

  /** Whether emitted records are round-tripped through the output serializer (default true). */
  public OperatorHarness<OUT> checkSerialization(boolean check) {
    checkNotOpened();
    this.checkSerialization = check;
    return this;
  }

  /** The backend that keeps a keyed operator's state (default: heap), e.g. a {@code RocksDbStateBackend}. */
  public OperatorHarness<OUT> withStateBackend(StateBackend backend) {
    checkNotOpened();
    this.stateBackend = backend;
    return this;
  }

  /**
   * Restores the keyed state of {@code snapshot} when the instance opens, and the operator state
   * of a sink that declares some (this instance's share, by its {@link #subtask} and each
   * state's redistribution). A transactional sink then recovers and commits its share of the
   * restored transactions, as a job resuming from {@link OperatorSnapshot#checkpointId()} does.
   */
  public OperatorHarness<OUT> restoreFrom(OperatorSnapshot snapshot) {
    checkNotOpened();
    if (vertex.keySelector() == null && !snapshot.snapshotNames().isEmpty()) {
      throw new IllegalStateException(vertex.name() + " is not keyed and has no keyed state to restore");
    }
    this.restoreFrom = snapshot;
    keyGroupOfKey.putAll(snapshot.keyGroups());
    return this;
  }

  /**
   * Snapshots the keyed state, and a sink's operator state, into {@code storage}: frozen on this
   * thread, written on a writer thread, waited for. Processing may continue on the harness
   * afterwards without changing the snapshot. Taken at the checkpoint after the last one (the
   * first is 1), see {@link #snapshot(long, SnapshotStorage)}.
   */
  public OperatorSnapshot snapshot(SnapshotStorage storage) throws Exception {
    return snapshot(lastCheckpointId + 1, storage);
  }

  /**
   * The snapshot a task takes at the barrier of checkpoint {@code checkpointId} (greater than any
   * before): a transactional sink pre-commits its open transaction first, so the snapshot holds it
   * among the pending ones; otherwise as {@link #snapshot(SnapshotStorage)}.
   */
  public OperatorSnapshot snapshot(long checkpointId, SnapshotStorage storage) throws Exception {
    open();
    if (checkpointId <= lastCheckpointId) {
      throw new IllegalArgumentException("checkpoint " + checkpointId + " is not after checkpoint " + lastCheckpointId);
    }
    lastCheckpointId = checkpointId;
    if (transactions != null) {
      transactions.preCommit(checkpointId);
    }
    String name = vertex.id() + "-" + UUID.randomUUID();
    List<String> operatorStateNames =
        HarnessSupport.snapshotOperatorState(operatorState, name, storage, vertex.id(), vertex.name());
    if (state == null) {
      if (operatorStateNames.isEmpty()) {
        throw new IllegalStateException(vertex.name() + " is not keyed and declares no operator state to snapshot");
      }
      return new OperatorSnapshot(storage, List.of(), Map.of(), operatorStateNames, checkpointId);
    }
    ExecutorService writer = Executors.newSingleThreadExecutor(r -> new Thread(r, "snapshot-writer " + vertex.name()));
    try {
      state.snapshot(name, vertex.keySelector().keySerializer(), storage, writer).join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    } finally {
      writer.shutdown();
    }
    return new OperatorSnapshot(storage, List.of(name), keyGroupOfKey, operatorStateNames, checkpointId);
  }

  /** Checkpoint {@code checkpointId} completed: a transactional sink commits what it pre-committed up to it. */
  public OperatorHarness<OUT> notifyCheckpointComplete(long checkpointId) throws Exception {
    checkedTransactions().commitUpTo(checkpointId);
    return this;
  }

  /** The input ended: a transactional sink pre-commits and commits its last transaction, and everything pending. */
  public OperatorHarness<OUT> endOfInput() throws Exception {
    checkedTransactions().endOfInput();
    return this;
  }

  /**
   * The task failed: a transactional sink discards its open transaction (pre-committed ones stay
   * pending). Throws what discarding threw.
   */
  public OperatorHarness<OUT> abortOpen() throws Exception {
    RuntimeException primary = new RuntimeException("the harness aborted " + vertex.name());
    checkedTransactions().abortOpen(primary);
    if (primary.getSuppressed().length > 0) {
      throw (Exception) primary.getSuppressed()[0];
    }
    return this;
  }

  /** The handles of a transactional sink's transactions pre-committed and not committed yet, in order. */
  public List<String> pendingTransactions() throws Exception {
    return checkedTransactions().pending().stream().map(PendingTransaction::handle).toList();
  }

  private SinkTransactions checkedTransactions() throws Exception {
    open();
    if (transactions == null) {
      throw new IllegalStateException(vertex.name() + " is not a transactional sink (TwoPhaseCommitSink)");
    }
    return transactions;
  }

  /** The current elements of a sink's operator state {@code name}. */
  public <E> List<E> operatorState(String name) throws Exception {
    if (!closed) {
      open();
    }
    return HarnessSupport.operatorStateElements(operatorState, vertex.id(), vertex.name(), name);
  }

  /** Creates and opens the instance; done by the first {@link #process} or state read otherwise. */
  @SuppressWarnings("unchecked")
  public OperatorHarness<OUT> open() throws Exception {
    if (invoker != null) {
      return this;
    }
    if (closed) {
      throw new IllegalStateException("harness of " + vertex.name() + " is closed");
    }
    TaskOperatorContext context = new TaskOperatorContext(plan.name(), vertex.name(), subtaskIndex, parallelism, parameters);
    emitter = emitter(context);
    OperatorInvoker<Object> created = (OperatorInvoker<Object>) vertex.invokerFactory().get();
    operatorState = HarnessSupport.operatorState(restoreFrom, vertex.id(), subtaskIndex, parallelism);
    operatorState.bind(vertex.id(), created);
    if (created instanceof TransactionalSinkBinding binding) {
      transactions = SinkTransactions.bind(vertex.id(), binding, operatorState, context);
    }
    bindSideOutputs(context, created);
    if (restoreFrom != null && !restoreFrom.operatorStateNames().isEmpty() && operatorState.isEmpty()) {
      throw new IllegalStateException(vertex.name() + " declares no operator state to restore");
    }
    if (vertex.keyed()) {
      KeyedStateBackend backend = stateBackend.createKeyedBackend(vertex.id(),
          new KeyGroupRange(0, plan.maxParallelism() - 1), plan.maxParallelism(),
          vertex.keySelector().keySerializer());
      if (created instanceof TimerInvoker<Object> timerInvoker) {
        TimerKeyedStateBackend timed = new TimerKeyedStateBackend(backend, plan.maxParallelism(), () -> processingTime);
        timers = timed.timers();
        timerInvoker.bindTimers(timers);
        backend = timed;
      }
      state = new RecordingStateBackend(backend);
      if (restoreFrom != null && !restoreFrom.snapshotNames().isEmpty()) {
        state.restore(restoreFrom.storage(), restoreFrom.snapshotNames(), vertex.keySelector().keySerializer());
      }
    }
    invoker = created;
    invoker.open(context, state);
    if (transactions != null && restoreFrom != null) {
      lastCheckpointId = restoreFrom.checkpointId();
      transactions.recover(restoreFrom.checkpointId());
    }
    return this;
  }

  /** Collects each side output, round-tripped through its serializer like the main output. */
  private void bindSideOutputs(TaskOperatorContext context, OperatorInvoker<Object> created) {
    vertex.sideOutputs().forEach((name, serializer) -> {
      List<Object> collected = new ArrayList<>();
      sideOutputs.put(name, collected);
      SerializationCheck check = checkSerialization ? new SerializationCheck(serializer, vertex.name() + "/" + name) : null;
      ((SideOutputBinding) created).bindSideOutput(name, record -> {
        if (record == null) {
          throw context.failure("emitted null to side output " + name, new NullPointerException("null record"));
        }
        collected.add(check == null ? record : check.roundTrip(record));
      });
    });
  }

  /** What the operator emitted to side output {@code name} so far, in order. */
  public <T> List<T> sideOutput(String name) throws Exception {
    open();
    List<Object> collected = sideOutputs.get(name);
    if (collected == null) {
      throw new IllegalArgumentException(vertex.name() + " has no side output '" + name + "'; it has "
          + vertex.sideOutputs().keySet());
    }
    @SuppressWarnings("unchecked")
    List<T> typed = (List<T>) List.copyOf(collected);
    return typed;
  }

  @SuppressWarnings("unchecked")
  private Emitter<Object> emitter(TaskOperatorContext context) {
    if (vertex.kind() == VertexKind.SINK) {
      return record -> {
        throw context.failure("a sink cannot emit records", null);
      };
    }
    SerializationCheck check = checkSerialization && vertex.outputSerializer() != null
        ? new SerializationCheck(vertex.outputSerializer(), vertex.name())
        : null;
    return record -> {
      if (record == null) {
        throw context.failure("emitted null; records must not be null", new NullPointerException("null record"));
      }
      output.add((OUT) (check == null ? record : check.roundTrip(record)));
    };
  }

  /** Feeds {@code record} to input 0. */
  public OperatorHarness<OUT> process(Object record) throws Exception {
    return process(0, record);
  }

  /** Feeds {@code record} to input {@code input} (the index of its type among the operator's inputs). */
  public OperatorHarness<OUT> process(int input, Object record) throws Exception {
    open();
    if (record == null) {
      throw new IllegalArgumentException("records are never null");
    }
    KeySelector selector = vertex.keySelector();
    if (selector != null) {
      Object key = selector.key(input, record);
      int keyGroup = KeyGroups.keyGroupFor(selector.keyHash(input, record), plan.maxParallelism());
      keyGroupOfKey.put(key, keyGroup);
      state.setCurrentKey(key, keyGroup);
    }
    invoker.process(input, record, emitter);
    return this;
  }

  /**
   * Moves the operator's event time to {@code watermark}, firing its due event-time timers (their
   * output lands in {@link #output()}); a watermark not after the current one does nothing.
   */
  public OperatorHarness<OUT> advanceWatermark(long watermark) throws Exception {
    checkedTimers().advanceWatermark(watermark, this::fire);
    return this;
  }

  /**
   * Sets the processing time the operator sees to {@code millis} (it starts at 0 and never goes
   * back), firing its due processing-time timers. Restored timers already due fire at the first call.
   */
  public OperatorHarness<OUT> setProcessingTime(long millis) throws Exception {
    KeyedTimers t = checkedTimers();
    if (millis < processingTime) {
      throw new IllegalArgumentException("processing time goes forward only: " + millis + " < " + processingTime);
    }
    processingTime = millis;
    t.advanceProcessingTime(this::fire);
    return this;
  }

  /** The number of timers set in {@code domain}, over all keys. */
  public int timerCount(TimeDomain domain) throws Exception {
    return checkedTimers().timerCount(domain);
  }

  private void fire(long timestamp, TimeDomain domain) throws Exception {
    ((TimerInvoker<Object>) invoker).onTimer(timestamp, domain, emitter);
  }

  private KeyedTimers checkedTimers() throws Exception {
    open();
    if (timers == null) {
      throw new IllegalStateException(vertex.name() + " has no timers: it needs @Keyed and an @OnTimer method");
    }
    return timers;
  }

  /** Everything emitted since the start or the last {@link #clearOutput()}, in order. */
  public List<OUT> output() {
    return List.copyOf(output);
  }

  public void clearOutput() {
    output.clear();
    sideOutputs.values().forEach(List::clear);
  }

  /** The value of value state {@code name} for {@code key}, or null. */
  @SuppressWarnings("unchecked")
  public <T> T valueState(String name, Object key) throws Exception {
    StateDescriptor<T> d = (StateDescriptor<T>) stateFor(name, StateDescriptor.Kind.VALUE);
    return withKey(key) ? state.valueState(d).value() : null;
  }

  /** The values of list state {@code name} for {@code key}; empty when none. */
  @SuppressWarnings("unchecked")
  public <T> List<T> listState(String name, Object key) throws Exception {
    StateDescriptor<T> d = (StateDescriptor<T>) stateFor(name, StateDescriptor.Kind.LIST);
    List<T> values = new ArrayList<>();
    if (withKey(key)) {
      state.listState(d).get().forEach(values::add);
    }
    return values;
  }

  /** The folded value of reducing state {@code name} for {@code key}, or null. */
  @SuppressWarnings("unchecked")
  public <T> T reducingState(String name, Object key) throws Exception {
    StateDescriptor<T> d = (StateDescriptor<T>) stateFor(name, StateDescriptor.Kind.REDUCING);
    return withKey(key) ? state.reducingState(d).get() : null;
  }

  /** The result of aggregating state {@code name} for {@code key}, or null. */
  public <OUT2> OUT2 aggregatingState(String name, Object key) throws Exception {
    @SuppressWarnings("unchecked")
    StateDescriptor<Object> d = (StateDescriptor<Object>) stateFor(name, StateDescriptor.Kind.AGGREGATING);
    return withKey(key) ? state.<Object, Object, OUT2>aggregatingState(d).get() : null;
  }

  /** The entries of map state {@code name} for {@code key}, in iteration order; empty when none. */
  public <K, V> Map<K, V> mapState(String name, Object key) throws Exception {
    @SuppressWarnings("unchecked")
    StateDescriptor<V> d = (StateDescriptor<V>) stateFor(name, StateDescriptor.Kind.MAP);
    Map<K, V> entries = new LinkedHashMap<>();
    if (withKey(key)) {
      state.<K, V>mapState(d).entries().forEach(e -> entries.put(e.getKey(), e.getValue()));
    }
    return entries;
  }

  private StateDescriptor<?> stateFor(String name, StateDescriptor.Kind kind) throws Exception {
    open();
    if (state == null) {
      throw new IllegalStateException(vertex.name() + " is not keyed and has no keyed state");
    }
    return state.descriptor(name, kind);
  }

  /** Makes {@code key} current; false when no record with that key was processed (so it has no state). */
  private boolean withKey(Object key) {
    Integer keyGroup = keyGroupOfKey.get(key);
    if (keyGroup == null) {
      return false;
    }
    state.setCurrentKey(key, keyGroup);
    return true;
  }

  /**
   * Calls the operator's close() (if it was opened) and drops its state. A transactional sink's
   * uncommitted transactions are left as they are, as after a crash.
   */
  @Override
  public void close() throws Exception {
    if (closed) {
      return;
    }
    closed = true;
    if (invoker != null) {
      try {
        invoker.close();
      } finally {
        if (state != null) {
          state.close();
        }
      }
    }
  }

  private void checkNotOpened() {
    if (invoker != null) {
      throw new IllegalStateException("configure the harness before the first process() or open()");
    }
  }
}
