package io.weir.runtime.testing;

import io.weir.api.JobParameters;
import io.weir.api.SourceReader;
import io.weir.runtime.plan.JobPlan;
import io.weir.runtime.plan.VertexKind;
import io.weir.runtime.plan.VertexPlan;
import io.weir.runtime.task.SubtaskOperatorState;
import io.weir.runtime.task.TaskOperatorContext;
import io.weir.state.snapshot.SnapshotStorage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives one instance of a source. {@link #run()} opens it, polls it until END_OF_INPUT (or until
 * {@link #limit} records), closes it and returns what it emitted. Records are round-tripped
 * through the source's output serializer by default, as in {@link OperatorHarness}.
 *
 * <pre>{@code
 * List<String> lines = SourceHarness.<String>of(Lines.class).withParameters("--input", "f.txt").subtask(1, 2).run();
 * }</pre>
 *
 * <p>A source with operator state ({@code @State ListState<T>} fields) can be stepped, snapshotted
 * between two polls the way a running task does, and restored into fresh instances, also at
 * another parallelism:
 *
 * <pre>{@code
 * OperatorSnapshot saved;
 * try (SourceHarness<Long> first = SourceHarness.<Long>of(Numbers.class)) {
 *   first.poll(3);                                   // at least 3 records
 *   saved = first.snapshot(new LocalDirectorySnapshotStorage(dir));
 * }
 * List<Long> rest0 = SourceHarness.<Long>of(Numbers.class).subtask(0, 2).restoreFrom(saved).run();
 * List<Long> rest1 = SourceHarness.<Long>of(Numbers.class).subtask(1, 2).restoreFrom(saved).run();
 * }</pre>
 *
 * @param <T> the source's record type
 */
public final class SourceHarness<T> implements AutoCloseable {
  private final JobPlan plan;
  private final VertexPlan vertex;
  private JobParameters parameters = JobParameters.empty();
  private int subtaskIndex;
  private int parallelism = 1;
  private long limit = Long.MAX_VALUE;
  private Duration timeout = Duration.ofSeconds(60);
  private boolean checkSerialization = true;
  private OperatorSnapshot restoreFrom;
  private TaskOperatorContext context;
  private SerializationCheck check;
  private SourceReader<Object> reader;
  private SubtaskOperatorState operatorState;
  private boolean ended;
  private boolean closed;

  private SourceHarness(JobPlan plan, VertexPlan vertex) {
    if (vertex.kind() != VertexKind.SOURCE) {
      throw new IllegalArgumentException(vertex.name() + " is not a source: use OperatorHarness");
    }
    this.plan = plan;
    this.vertex = vertex;
  }

  /** A harness for {@code sourceClass}, found among the jobs on its class loader. */
  public static <T> SourceHarness<T> of(Class<?> sourceClass) {
    JobPlan plan = HarnessSupport.planContaining(sourceClass);
    return new SourceHarness<>(plan, HarnessSupport.vertex(plan, sourceClass.getName()));
  }

  /** A harness for the source named {@code vertexName} of {@code plan}. */
  public static <T> SourceHarness<T> of(JobPlan plan, String vertexName) {
    for (VertexPlan v : plan.vertices()) {
      if (v.name().equals(vertexName)) {
        return new SourceHarness<>(plan, v);
      }
    }
    throw new IllegalArgumentException("job '" + plan.name() + "' has no vertex named '" + vertexName + "'");
  }

  public SourceHarness<T> withParameters(String... args) {
    checkNotOpened();
    this.parameters = JobParameters.of(args);
    return this;
  }

  /** The subtask index and parallelism the source's context reports (default 0 of 1). */
  public SourceHarness<T> subtask(int index, int parallelism) {
    checkNotOpened();
    HarnessSupport.checkSubtask(index, parallelism);
    this.subtaskIndex = index;
    this.parallelism = parallelism;
    return this;
  }

  /** For {@link #run()}: stop after this many records (for unbounded sources); records emitted beyond it are dropped. */
  public SourceHarness<T> limit(long maxRecords) {
    if (maxRecords < 0) {
      throw new IllegalArgumentException("limit must not be negative");
    }
    this.limit = maxRecords;
    return this;
  }

  /** Fail with a {@link TimeoutException} when a run or poll has not got its records by then; default 60 s. */
  public SourceHarness<T> timeout(Duration timeout) {
    this.timeout = timeout;
    return this;
  }

  public SourceHarness<T> checkSerialization(boolean check) {
    checkNotOpened();
    this.checkSerialization = check;
    return this;
  }

  /**
   * Restores the source's operator state from {@code snapshot} when it opens: this instance's share
   * by each state's redistribution, given its {@link #subtask} index and parallelism.
   */
  public SourceHarness<T> restoreFrom(OperatorSnapshot snapshot) {
    checkNotOpened();
    if (snapshot.operatorStateNames().isEmpty()) {
      throw new IllegalArgumentException("the snapshot holds no operator state for " + vertex.name());
    }
    this.restoreFrom = snapshot;
    return this;
  }

  /** Creates the source, binds (and restores) its operator state and opens it; done by the first poll otherwise. */
  @SuppressWarnings("unchecked")
  public SourceHarness<T> open() throws Exception {
    if (reader != null) {
      return this;
    }
    if (closed) {
      throw new IllegalStateException("harness of " + vertex.name() + " is closed");
    }
    context = new TaskOperatorContext(plan.name(), vertex.name(), subtaskIndex, parallelism, parameters);
    check = checkSerialization && vertex.outputSerializer() != null
        ? new SerializationCheck(vertex.outputSerializer(), vertex.name())
        : null;
    SourceReader<Object> created = (SourceReader<Object>) vertex.sourceFactory().get();
    operatorState = HarnessSupport.operatorState(restoreFrom, vertex.id(), subtaskIndex, parallelism);
    operatorState.bind(vertex.id(), created);
    if (restoreFrom != null && operatorState.isEmpty()) {
      throw new IllegalStateException(vertex.name() + " declares no operator state to restore");
    }
    reader = created;
    reader.open(context);
    return this;
  }

  /**
   * Polls until this call has collected at least {@code minRecords} records or the source ended.
   * A poll's records are never split: all records it emitted are returned (possibly more than
   * asked for), since the source has moved past them. An ended source is closed.
   */
  public List<T> poll(long minRecords) throws Exception {
    open();
    List<T> records = new ArrayList<>();
    pollInto(records, minRecords, false);
    return records;
  }

  /** Whether the source has reported END_OF_INPUT. */
  public boolean ended() {
    return ended;
  }

  /**
   * Snapshots the source's operator state into {@code storage} between two polls: frozen on this
   * thread, written on a writer thread, waited for. The harness may keep polling afterwards.
   */
  public OperatorSnapshot snapshot(SnapshotStorage storage) throws Exception {
    openUnlessClosed();
    List<String> names = operatorState == null ? List.of() : HarnessSupport.snapshotOperatorState(operatorState, "harness-" + UUID.randomUUID(),
        storage, vertex.id(), vertex.name());
    if (names.isEmpty()) {
      throw new IllegalStateException(vertex.name() + " declares no operator state to snapshot");
    }
    return new OperatorSnapshot(storage, List.of(), Map.of(), names);
  }

  /** The current elements of the source's operator state {@code name}. */
  public <E> List<E> operatorState(String name) throws Exception {
    openUnlessClosed();
    return HarnessSupport.operatorStateElements(operatorState, vertex.id(), vertex.name(), name);
  }

  /** Runs the source as described: until END_OF_INPUT or the limit, then closes it. Its own exceptions propagate unchanged. */
  public List<T> run() throws Exception {
    List<T> records = new ArrayList<>();
    try {
      open();
      pollInto(records, limit, true);
    } finally {
      close();
    }
    return records;
  }

  @SuppressWarnings("unchecked")
  private void pollInto(List<T> records, long wanted, boolean dropBeyond) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    long backoff = 0;
    while (!ended && records.size() < wanted) {
      SourceReader.Status status = reader.poll(record -> {
        if (record == null) {
          throw context.failure("emitted null; records must not be null", new NullPointerException("null record"));
        }
        if (!dropBeyond || records.size() < wanted) {
          records.add((T) (check == null ? record : check.roundTrip(record)));
        }
      });
      if (status == null) {
        throw new IllegalStateException(vertex.name() + ".poll returned null instead of a status");
      }
      if (status == SourceReader.Status.END_OF_INPUT) {
        ended = true;
        close();
        break;
      }
      if (System.nanoTime() > deadline && records.size() < wanted) {
        throw new TimeoutException(vertex.name() + " did not end within " + timeout.toMillis() + " ms; got "
            + records.size() + " records (set a limit for unbounded sources)");
      }
      if (status == SourceReader.Status.NOTHING_AVAILABLE) {
        backoff = backoff == 0 ? TimeUnit.MILLISECONDS.toNanos(1) : Math.min(2 * backoff, TimeUnit.MILLISECONDS.toNanos(10));
        LockSupport.parkNanos(backoff);
      } else {
        backoff = 0;
      }
    }
  }

  /** Opens unless closed: operator state stays readable after the source ended. */
  private void openUnlessClosed() throws Exception {
    if (!closed) {
      open();
    }
  }

  /** Closes the source if it was opened and is not closed yet. */
  @Override
  public void close() throws Exception {
    if (closed) {
      return;
    }
    closed = true;
    if (reader != null) {
      reader.close();
    }
  }

  private void checkNotOpened() {
    if (reader != null || closed) {
      throw new IllegalStateException("configure the harness before it opens");
    }
  }
}
