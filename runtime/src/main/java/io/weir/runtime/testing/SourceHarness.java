package io.weir.runtime.testing;

import io.weir.api.JobParameters;
import io.weir.api.SourceReader;
import io.weir.runtime.plan.JobPlan;
import io.weir.runtime.plan.VertexKind;
import io.weir.runtime.plan.VertexPlan;
import io.weir.runtime.task.TaskOperatorContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * Opens one instance of a source, polls it until END_OF_INPUT (or until {@link #limit} records),
 * closes it and returns what it emitted. Records are round-tripped through the source's output
 * serializer by default, as in {@link OperatorHarness}.
 *
 * <pre>{@code
 * List<String> lines = SourceHarness.<String>of(Lines.class).withParameters("--input", "f.txt").subtask(1, 2).run();
 * }</pre>
 *
 * @param <T> the source's record type
 */
public final class SourceHarness<T> {
  private final JobPlan plan;
  private final VertexPlan vertex;
  private JobParameters parameters = JobParameters.empty();
  private int subtaskIndex;
  private int parallelism = 1;
  private long limit = Long.MAX_VALUE;
  private Duration timeout = Duration.ofSeconds(60);
  private boolean checkSerialization = true;

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
    this.parameters = JobParameters.of(args);
    return this;
  }

  /** The subtask index and parallelism the source's context reports (default 0 of 1). */
  public SourceHarness<T> subtask(int index, int parallelism) {
    HarnessSupport.checkSubtask(index, parallelism);
    this.subtaskIndex = index;
    this.parallelism = parallelism;
    return this;
  }

  /** Stop after this many records (for unbounded sources); records emitted beyond it are dropped. */
  public SourceHarness<T> limit(long maxRecords) {
    if (maxRecords < 0) {
      throw new IllegalArgumentException("limit must not be negative");
    }
    this.limit = maxRecords;
    return this;
  }

  /** Fail with a {@link TimeoutException} when the source has not ended (or reached the limit) by then; default 60 s. */
  public SourceHarness<T> timeout(Duration timeout) {
    this.timeout = timeout;
    return this;
  }

  public SourceHarness<T> checkSerialization(boolean check) {
    this.checkSerialization = check;
    return this;
  }

  /** Runs the source as described; its own exceptions propagate unchanged. */
  @SuppressWarnings("unchecked")
  public List<T> run() throws Exception {
    TaskOperatorContext context = new TaskOperatorContext(plan.name(), vertex.name(), subtaskIndex, parallelism, parameters);
    SerializationCheck check = checkSerialization && vertex.outputSerializer() != null
        ? new SerializationCheck(vertex.outputSerializer(), vertex.name())
        : null;
    List<T> records = new ArrayList<>();
    SourceReader<Object> reader = (SourceReader<Object>) vertex.sourceFactory().get();
    long deadline = System.nanoTime() + timeout.toNanos();
    reader.open(context);
    try {
      long backoff = 0;
      while (records.size() < limit) {
        SourceReader.Status status = reader.poll(record -> {
          if (record == null) {
            throw context.failure("emitted null; records must not be null", new NullPointerException("null record"));
          }
          if (records.size() < limit) {
            records.add((T) (check == null ? record : check.roundTrip(record)));
          }
        });
        if (status == null) {
          throw new IllegalStateException(vertex.name() + ".poll returned null instead of a status");
        }
        if (status == SourceReader.Status.END_OF_INPUT) {
          break;
        }
        if (System.nanoTime() > deadline) {
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
    } finally {
      reader.close();
    }
    return records;
  }
}
