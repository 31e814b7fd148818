package io.weir.runtime.client;

import io.weir.runtime.checkpoint.CheckpointConfig;
import io.weir.runtime.local.StateBackends;
import io.weir.runtime.rpc.JobSubmission;
import io.weir.runtime.rpc.RestartStrategy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to run a job submitted to a cluster: which job, parallelism, arguments, state backend,
 * restarts, checkpoints, and the savepoint (or retained checkpoint) to start from.
 */
public final class SubmitOptions {
  private String jobName = "";
  private int parallelism;
  private final Map<String, Integer> vertexParallelism = new LinkedHashMap<>();
  private List<String> arguments = List.of();
  private String stateBackend = "";
  private RestartStrategy restart = RestartStrategy.DEFAULT;
  private CheckpointConfig checkpoints = CheckpointConfig.disabled();
  private String restorePath = "";
  private boolean allowNonRestoredState;

  public static SubmitOptions defaults() {
    return new SubmitOptions();
  }

  /** The job to run when the jar holds several; by default the jar's only job. */
  public SubmitOptions job(String name) {
    this.jobName = name == null ? "" : name;
    return this;
  }

  /** Replaces the job's default parallelism; 0 keeps it. */
  public SubmitOptions parallelism(int parallelism) {
    if (parallelism < 0) {
      throw new IllegalArgumentException("parallelism must be at least 1 (or 0 for the job's own), got " + parallelism);
    }
    this.parallelism = parallelism;
    return this;
  }

  /** The parallelism of the vertex named {@code vertex}, whatever it declares. */
  public SubmitOptions parallelism(String vertex, int parallelism) {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism of '" + vertex + "' must be at least 1, got " + parallelism);
    }
    vertexParallelism.put(Objects.requireNonNull(vertex), parallelism);
    return this;
  }

  public SubmitOptions arguments(List<String> arguments) {
    this.arguments = List.copyOf(arguments);
    return this;
  }

  public SubmitOptions arguments(String... arguments) {
    return arguments(List.of(arguments));
  }

  /** A state backend by name ({@code heap}, {@code rocksdb}) replacing the job's own. */
  public SubmitOptions stateBackend(String name) {
    this.stateBackend = StateBackends.requireKnown(name);
    return this;
  }

  public SubmitOptions restart(RestartStrategy restart) {
    this.restart = Objects.requireNonNull(restart);
    return this;
  }

  /**
   * How the job checkpoints. Its directory must be one every process of the cluster sees at the
   * same path (a shared file system); each job gets {@code <directory>/<jobId>} in it.
   */
  public SubmitOptions checkpointing(CheckpointConfig config) {
    this.checkpoints = Objects.requireNonNull(config);
    return this;
  }

  /**
   * Starts the job from a savepoint directory (or a retained checkpoint's metadata file) instead of
   * empty: a path every process of the cluster sees.
   */
  public SubmitOptions restoreFrom(String path) {
    this.restorePath = path == null ? "" : path;
    return this;
  }

  /** Lets the job start although the savepoint holds state that no vertex of the job claims (it is dropped). */
  public SubmitOptions allowNonRestoredState(boolean allow) {
    this.allowNonRestoredState = allow;
    return this;
  }

  /** The submission for jars already uploaded under {@code jarKeys}. */
  JobSubmission toSubmission(List<String> jarKeys) {
    return new JobSubmission(jobName, jarKeys, parallelism, vertexParallelism, arguments, stateBackend, restart, checkpoints,
        restorePath, allowNonRestoredState);
  }
}
