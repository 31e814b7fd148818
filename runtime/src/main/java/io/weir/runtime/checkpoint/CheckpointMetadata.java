package io.weir.runtime.checkpoint;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a completed checkpoint or savepoint consists of: for every vertex of the job as it ran, per
 * subtask, the names of the manifests its state was published under. Written last (as
 * {@code chk-<n>-metadata}) so that a checkpoint whose metadata exists is complete; a restore
 * starts from it alone. Vertices are matched to a new job graph by their stable ids.
 *
 * @param jobName the job's name, for messages
 * @param maxParallelism key groups of every keyed state; a restore needs the same number
 * @param vertices every vertex of the job, in the graph's order
 */
public record CheckpointMetadata(String jobName, long checkpointId, CheckpointType type, long triggerMillis,
    long completedMillis, int maxParallelism, List<VertexState> vertices) {

  public CheckpointMetadata {
    if (jobName == null || type == null) {
      throw new IllegalArgumentException("job name and type are required");
    }
    vertices = List.copyOf(vertices);
  }

  /**
   * The state of one vertex, one entry per subtask (index = subtask).
   *
   * @param head whether the vertex headed its task (chain): channel state and metrics are the task's,
   *     recorded under its head
   */
  public record VertexState(String vertexId, String name, int parallelism, boolean head, List<SubtaskState> subtasks) {
    public VertexState {
      subtasks = List.copyOf(subtasks);
      if (subtasks.size() != parallelism) {
        throw new IllegalArgumentException("vertex " + name + " (" + vertexId + ") has parallelism " + parallelism
            + " but " + subtasks.size() + " subtask states");
      }
    }

    /** Whether any subtask stored keyed or operator state (not channel state). */
    public boolean hasOperatorOrKeyedState() {
      return subtasks.stream().anyMatch(s -> !s.keyedManifest().isEmpty() || !s.operatorManifest().isEmpty());
    }

    /** Whether any subtask stored in-flight buffers (unaligned checkpoint). */
    public boolean hasChannelState() {
      return subtasks.stream().anyMatch(s -> !s.channelState().isEmpty());
    }

    public boolean hasState() {
      return hasOperatorOrKeyedState() || hasChannelState();
    }
  }

  /**
   * One subtask's manifests ({@code ""} when it stored none of a kind) and, for a head vertex, what
   * the task's snapshot cost.
   */
  public record SubtaskState(String keyedManifest, String operatorManifest, String channelState,
      SubtaskCheckpointMetrics metrics) {
    public static final SubtaskState EMPTY = new SubtaskState("", "", "", SubtaskCheckpointMetrics.NONE);

    public SubtaskState {
      if (keyedManifest == null || operatorManifest == null || channelState == null || metrics == null) {
        throw new IllegalArgumentException("use \"\" and SubtaskCheckpointMetrics.NONE for absent parts");
      }
    }
  }

  /** Name of the metadata manifest of checkpoint {@code checkpointId}. */
  public static String metadataName(long checkpointId) {
    return "chk-" + checkpointId + "-metadata";
  }

  /** The checkpoint id of metadata manifest {@code name}, or -1 when it is not one. */
  public static long idOfMetadataName(String name) {
    if (!name.startsWith("chk-") || !name.endsWith("-metadata")) {
      return -1;
    }
    String digits = name.substring(4, name.length() - "-metadata".length());
    if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(Character::isDigit)) {
      return -1;
    }
    return Long.parseLong(digits);
  }

  public String metadataName() {
    return metadataName(checkpointId);
  }

  /** The vertex with id {@code vertexId}, or null. */
  public VertexState vertex(String vertexId) {
    for (VertexState v : vertices) {
      if (v.vertexId().equals(vertexId)) {
        return v;
      }
    }
    return null;
  }

  /** Every keyed-state manifest of the checkpoint. */
  public List<String> keyedManifests() {
    return vertices.stream().flatMap(v -> v.subtasks().stream()).map(SubtaskState::keyedManifest)
        .filter(name -> !name.isEmpty()).toList();
  }

  /** Metrics of every task subtask, keyed "vertexId/subtask" of the task's head. */
  public Map<String, SubtaskCheckpointMetrics> metricsByHeadSubtask() {
    Map<String, SubtaskCheckpointMetrics> metrics = new TreeMap<>();
    for (VertexState v : vertices) {
      if (v.head()) {
        for (int i = 0; i < v.subtasks().size(); i++) {
          metrics.put(v.vertexId() + "/" + i, v.subtasks().get(i).metrics());
        }
      }
    }
    return metrics;
  }

  /** Sum of every task's {@link SubtaskCheckpointMetrics#stateBytes()}. */
  public long stateBytes() {
    return metricsByHeadSubtask().values().stream().mapToLong(SubtaskCheckpointMetrics::stateBytes).sum();
  }

  public long writtenBytes() {
    return metricsByHeadSubtask().values().stream().mapToLong(SubtaskCheckpointMetrics::writtenBytes).sum();
  }

  public long inFlightBytes() {
    return metricsByHeadSubtask().values().stream().mapToLong(SubtaskCheckpointMetrics::inFlightBytes).sum();
  }
}
