package io.weir.runtime.rpc;

import io.weir.runtime.checkpoint.CheckpointConfig;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A job to run on a cluster, as the client describes it and the JobManager forwards it to
 * TaskManagers (with {@code jobName} resolved): every TaskManager builds the same physical graph
 * from the same plan and these options.
 *
 * @param jobName the job in the jars; empty for "the only job there"
 * @param jarKeys SHA-256 of the uploaded job jar and its dependencies, in class-path order
 * @param parallelism replaces the job's default parallelism when positive; 0 keeps it
 * @param vertexParallelism parallelism by vertex name, winning over everything else
 * @param arguments the program arguments the job's operators see as parameters
 * @param stateBackend a state backend name replacing the job's own; empty keeps the job's
 * @param restart what to do when an attempt fails
 * @param checkpoints how the job checkpoints ({@link CheckpointConfig#disabled()}: only savepoints on request)
 * @param restorePath the savepoint (directory or metadata file) or retained checkpoint the first
 *     attempt starts from; empty to start empty
 * @param allowNonRestoredState whether state in {@code restorePath} that no vertex of the job
 *     claims may be dropped (otherwise the job fails to start)
 */
public record JobSubmission(String jobName, List<String> jarKeys, int parallelism, Map<String, Integer> vertexParallelism,
    List<String> arguments, String stateBackend, RestartStrategy restart, CheckpointConfig checkpoints,
    String restorePath, boolean allowNonRestoredState) {

  public JobSubmission {
    Objects.requireNonNull(jobName, "jobName");
    jarKeys = List.copyOf(jarKeys);
    if (jarKeys.isEmpty()) {
      throw new IllegalArgumentException("a submission needs at least one jar");
    }
    if (parallelism < 0) {
      throw new IllegalArgumentException("parallelism must not be negative, got " + parallelism);
    }
    vertexParallelism = new TreeMap<>(vertexParallelism); // sorted: deterministic encoding
    for (Map.Entry<String, Integer> entry : vertexParallelism.entrySet()) {
      if (entry.getValue() < 1) {
        throw new IllegalArgumentException("parallelism of '" + entry.getKey() + "' must be at least 1, got " + entry.getValue());
      }
    }
    vertexParallelism = java.util.Collections.unmodifiableMap(vertexParallelism);
    arguments = List.copyOf(arguments);
    Objects.requireNonNull(stateBackend, "stateBackend");
    Objects.requireNonNull(restart, "restart");
    Objects.requireNonNull(checkpoints, "checkpoints");
    Objects.requireNonNull(restorePath, "restorePath");
    if (checkpoints.periodic() && checkpoints.directory().isEmpty()) {
      throw new IllegalArgumentException("periodic checkpoints need a checkpoint directory");
    }
  }

  /** A job that does not checkpoint and starts empty. */
  public JobSubmission(String jobName, List<String> jarKeys, int parallelism, Map<String, Integer> vertexParallelism,
      List<String> arguments, String stateBackend, RestartStrategy restart) {
    this(jobName, jarKeys, parallelism, vertexParallelism, arguments, stateBackend, restart, CheckpointConfig.disabled(),
        "", false);
  }

  /** The options every process builds the job's physical graph with, so that all build the same one. */
  public io.weir.runtime.graph.GraphOptions graphOptions() {
    return new io.weir.runtime.graph.GraphOptions(parallelism, vertexParallelism, true);
  }

  /** The same submission for the job that the JobManager resolved {@code jobName} to. */
  public JobSubmission withJobName(String name) {
    return new JobSubmission(name, jarKeys, parallelism, vertexParallelism, arguments, stateBackend, restart, checkpoints,
        restorePath, allowNonRestoredState);
  }
}
