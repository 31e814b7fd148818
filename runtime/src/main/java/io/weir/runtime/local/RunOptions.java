package io.weir.runtime.local;

import io.weir.api.JobParameters;
import io.weir.runtime.checkpoint.CheckpointConfig;
import io.weir.runtime.graph.GraphOptions;
import io.weir.runtime.metrics.ProgressListener;
import io.weir.runtime.rpc.RestartStrategy;
import io.weir.runtime.task.OperatorStateRestore;
import io.weir.runtime.task.SubtaskSetup;
import io.weir.state.backend.StateBackend;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** How to run a job: parallelism overrides, program arguments, buffering, progress, state. Immutable. */
public final class RunOptions {
  private final int parallelism;
  private final Map<String, Integer> vertexParallelism;
  private final JobParameters parameters;
  private final Duration bufferTimeout;
  private final int bufferSize;
  private final int buffersPerChannel;
  private final int floatingBuffers;
  private final Duration progressInterval;
  private final ProgressListener progressListener;
  private final StateBackend stateBackend;
  private final String stateBackendName;
  private final boolean chainSingleInstanceExchanges;
  private final boolean handOverObjects;
  private final OperatorStateRestore operatorStateRestore;
  private final Duration watermarkInterval;
  private final CheckpointConfig checkpointing;
  private final Path restoreFrom;
  private final boolean allowNonRestoredState;
  private final RestartStrategy restartStrategy;

  private RunOptions(Builder b) {
    this.parallelism = b.parallelism;
    this.vertexParallelism = Map.copyOf(b.vertexParallelism);
    this.parameters = b.parameters;
    this.bufferTimeout = b.bufferTimeout;
    this.bufferSize = b.bufferSize;
    this.buffersPerChannel = b.buffersPerChannel;
    this.floatingBuffers = b.floatingBuffers;
    this.progressInterval = b.progressInterval;
    this.progressListener = b.progressListener;
    this.stateBackend = b.stateBackend;
    this.stateBackendName = b.stateBackendName;
    this.chainSingleInstanceExchanges = b.chainSingleInstanceExchanges;
    this.handOverObjects = b.handOverObjects;
    this.operatorStateRestore = b.operatorStateRestore;
    this.watermarkInterval = b.watermarkInterval;
    this.checkpointing = b.checkpointing;
    this.restoreFrom = b.restoreFrom;
    this.allowNonRestoredState = b.allowNonRestoredState;
    this.restartStrategy = b.restartStrategy;
  }

  public static RunOptions defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Job-wide default parallelism replacing the job's declared default; 0 keeps the declared one. */
  public int parallelism() {
    return parallelism;
  }

  /** Parallelism by vertex name; wins over declared values. */
  public Map<String, Integer> vertexParallelism() {
    return vertexParallelism;
  }

  public JobParameters parameters() {
    return parameters;
  }

  /** Longest a record may wait in a partly filled buffer; zero ships after every source poll and input buffer. */
  public Duration bufferTimeout() {
    return bufferTimeout;
  }

  /** Bytes per network buffer. */
  public int bufferSize() {
    return bufferSize;
  }

  /** Buffers each producing subtask may have in flight per outgoing channel (plus {@link #floatingBuffers()}). */
  public int buffersPerChannel() {
    return buffersPerChannel;
  }

  public int floatingBuffers() {
    return floatingBuffers;
  }

  public Duration progressInterval() {
    return progressInterval;
  }

  /** Null when nobody follows progress. */
  public ProgressListener progressListener() {
    return progressListener;
  }

  /**
   * The backend instance to run on, whatever the job declares; null to use {@link #stateBackendName()}
   * or, if that is null too, the backend the job's plan names (heap unless it says otherwise).
   */
  public StateBackend stateBackend() {
    return stateBackend;
  }

  /** The backend to run on by name ({@code heap}, {@code rocksdb}), whatever the job declares; null for none. */
  public String stateBackendName() {
    return stateBackendName;
  }

  public boolean chainSingleInstanceExchanges() {
    return chainSingleInstanceExchanges;
  }

  /** Whether exchanges of immutable types between subtasks hand over the record objects (see the builder). */
  public boolean handOverObjects() {
    return handOverObjects;
  }

  /** Where the operator state of sources and sinks is restored from when the job starts; null to start empty. */
  public OperatorStateRestore operatorStateRestore() {
    return operatorStateRestore;
  }

  /** How often a source with event time emits its watermark (default 200 ms). */
  public Duration watermarkInterval() {
    return watermarkInterval;
  }

  /**
   * How the job checkpoints; null (the default) when it takes no part in checkpoints at all (no
   * savepoints either). {@link CheckpointConfig#disabled()} takes savepoints only.
   */
  public CheckpointConfig checkpointing() {
    return checkpointing;
  }

  /** The checkpoint or savepoint (directory or metadata file) the job resumes from; null to start empty. */
  public Path restoreFrom() {
    return restoreFrom;
  }

  /** Whether state of vertices the job no longer has is skipped when resuming, instead of failing. */
  public boolean allowNonRestoredState() {
    return allowNonRestoredState;
  }

  /** What the job does when a subtask fails; {@link RestartStrategy#NONE} (the default) fails the job. */
  public RestartStrategy restartStrategy() {
    return restartStrategy;
  }

  GraphOptions graphOptions() {
    return new GraphOptions(parallelism, vertexParallelism, chainSingleInstanceExchanges);
  }

  /** A builder starting from these options. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.parallelism = parallelism;
    b.vertexParallelism.putAll(vertexParallelism);
    b.parameters = parameters;
    b.bufferTimeout = bufferTimeout;
    b.bufferSize = bufferSize;
    b.buffersPerChannel = buffersPerChannel;
    b.floatingBuffers = floatingBuffers;
    b.progressInterval = progressInterval;
    b.progressListener = progressListener;
    b.stateBackend = stateBackend;
    b.stateBackendName = stateBackendName;
    b.chainSingleInstanceExchanges = chainSingleInstanceExchanges;
    b.handOverObjects = handOverObjects;
    b.operatorStateRestore = operatorStateRestore;
    b.watermarkInterval = watermarkInterval;
    b.checkpointing = checkpointing;
    b.restoreFrom = restoreFrom;
    b.allowNonRestoredState = allowNonRestoredState;
    b.restartStrategy = restartStrategy;
    return b;
  }

  public static final class Builder {
    private int parallelism;
    private final Map<String, Integer> vertexParallelism = new LinkedHashMap<>();
    private JobParameters parameters = JobParameters.empty();
    private Duration bufferTimeout = Duration.ofMillis(100);
    private int bufferSize = 32 * 1024;
    private int buffersPerChannel = 2;
    private int floatingBuffers = 2;
    private Duration progressInterval = Duration.ofSeconds(1);
    private ProgressListener progressListener;
    private StateBackend stateBackend;
    private String stateBackendName;
    private boolean chainSingleInstanceExchanges = true;
    private boolean handOverObjects = true;
    private OperatorStateRestore operatorStateRestore;
    private Duration watermarkInterval = SubtaskSetup.DEFAULT_WATERMARK_INTERVAL;
    private CheckpointConfig checkpointing;
    private Path restoreFrom;
    private boolean allowNonRestoredState;
    private RestartStrategy restartStrategy = RestartStrategy.NONE;

    private Builder() {}

    /** Default parallelism of every vertex that declares none; 0 keeps the job's declared default. */
    public Builder parallelism(int parallelism) {
      if (parallelism < 0) {
        throw new IllegalArgumentException("parallelism must be at least 1 (or 0 for the job's own), got " + parallelism);
      }
      this.parallelism = parallelism;
      return this;
    }

    /** Parallelism of the vertex named {@code vertexName}, whatever it declares. */
    public Builder parallelism(String vertexName, int parallelism) {
      if (parallelism < 1) {
        throw new IllegalArgumentException("parallelism of '" + vertexName + "' must be at least 1, got " + parallelism);
      }
      vertexParallelism.put(Objects.requireNonNull(vertexName, "vertexName"), parallelism);
      return this;
    }

    public Builder parameters(JobParameters parameters) {
      this.parameters = Objects.requireNonNull(parameters, "parameters");
      return this;
    }

    /** Program arguments, e.g. {@code "--input", "words.txt"}. */
    public Builder parameters(String... args) {
      return parameters(JobParameters.of(List.of(args)));
    }

    public Builder bufferTimeout(Duration timeout) {
      if (timeout.isNegative()) {
        throw new IllegalArgumentException("buffer timeout must not be negative, got " + timeout);
      }
      this.bufferTimeout = timeout;
      return this;
    }

    public Builder bufferSize(int bytes) {
      if (bytes < 64) {
        throw new IllegalArgumentException("buffer size must be at least 64 bytes, got " + bytes);
      }
      this.bufferSize = bytes;
      return this;
    }

    /** Per producing subtask: {@code buffersPerChannel} per outgoing channel plus {@code floating}. */
    public Builder buffers(int buffersPerChannel, int floating) {
      if (buffersPerChannel < 1 || floating < 0) {
        throw new IllegalArgumentException("need at least 1 buffer per channel and no negative floating buffers");
      }
      this.buffersPerChannel = buffersPerChannel;
      this.floatingBuffers = floating;
      return this;
    }

    public Builder progressInterval(Duration interval) {
      if (interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException("progress interval must be positive, got " + interval);
      }
      this.progressInterval = interval;
      return this;
    }

    public Builder progressListener(ProgressListener listener) {
      this.progressListener = listener;
      return this;
    }

    /** Runs on {@code backend}, overriding the job's choice; its files are the caller's to manage. */
    public Builder stateBackend(StateBackend backend) {
      this.stateBackend = Objects.requireNonNull(backend, "backend");
      this.stateBackendName = null;
      return this;
    }

    /**
     * Runs on the backend named {@code name} (one of {@link StateBackends#NAMES}), overriding the
     * job's choice; a backend that keeps files gets a temporary directory deleted when the job ends.
     */
    public Builder stateBackend(String name) {
      this.stateBackendName = StateBackends.requireKnown(Objects.requireNonNull(name, "name"));
      this.stateBackend = null;
      return this;
    }

    /**
     * Whether an edge between two single-instance vertices is chained whatever its partitioning
     * (default true): with one instance on each side, every partitioning sends every record to
     * that instance, so a direct call is equivalent and saves serialization and a thread hop.
     */
    public Builder chainSingleInstanceExchanges(boolean chain) {
      this.chainSingleInstanceExchanges = chain;
      return this;
    }

    /**
     * Whether a network exchange whose record type is immutable (its serializer says
     * {@link io.weir.state.serialization.TypeSerializer#immutableValues()}: strings, boxes, records
     * generated serializers find deeply immutable) hands
     * the record objects to the consuming subtask instead of serializing and deserializing them
     * (default true; every subtask of the embedded runtime shares one process). Records are ordered,
     * bounded and checkpointed as with bytes; in-flight data of unaligned checkpoints is stored as bytes.
     */
    public Builder handOverObjects(boolean handOver) {
      this.handOverObjects = handOver;
      return this;
    }

    /**
     * Starts the job's sources and sinks from the operator state in {@code restore} (e.g. taken
     * at another parallelism), each instance with its share by the state's redistribution.
     */
    public Builder restoreOperatorState(OperatorStateRestore restore) {
      this.operatorStateRestore = Objects.requireNonNull(restore, "restore");
      return this;
    }

    /** How often each event-time source instance emits its watermark; must be positive. */
    public Builder watermarkInterval(Duration interval) {
      if (interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException("watermark interval must be positive, got " + interval);
      }
      this.watermarkInterval = interval;
      return this;
    }

    /**
     * Takes checkpoints as {@code config} says (periodic ones when its interval is positive; a
     * savepoint whenever {@link JobHandle#triggerSavepoint} asks). Checkpoints go to
     * {@code <config.directory>/<jobName>-<startMillis>}, kept after the job ends; with an empty
     * directory, to a temporary one deleted when the job ends.
     */
    public Builder checkpointing(CheckpointConfig config) {
      this.checkpointing = Objects.requireNonNull(config, "config");
      return this;
    }

    /**
     * Resumes from the checkpoint or savepoint at {@code path}: its directory (the latest checkpoint
     * in it) or its metadata file. State is matched to vertices by their ids, at any parallelism
     * (in-flight data of unaligned checkpoints only at the same parallelism).
     */
    public Builder restoreFrom(Path path) {
      this.restoreFrom = Objects.requireNonNull(path, "path");
      return this;
    }

    /** Skip state of vertices the job no longer has when resuming, instead of failing (default false). */
    public Builder allowNonRestoredState(boolean allow) {
      this.allowNonRestoredState = allow;
      return this;
    }

    /**
     * Restarts the job when a subtask fails, as {@code strategy} allows (attempts and delays): every
     * subtask is started again, from the latest completed checkpoint when the job checkpoints (else
     * from where it started: the {@link #restoreFrom} checkpoint or nothing). Default
     * {@link RestartStrategy#NONE}: the first failure fails the job.
     */
    public Builder restartStrategy(RestartStrategy strategy) {
      this.restartStrategy = Objects.requireNonNull(strategy, "strategy");
      return this;
    }

    public RunOptions build() {
      return new RunOptions(this);
    }
  }
}
