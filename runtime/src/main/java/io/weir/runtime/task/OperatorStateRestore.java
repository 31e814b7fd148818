package io.weir.runtime.task;

import io.weir.state.snapshot.SnapshotStorage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a job's operator state comes from when it starts from a snapshot: the storage and, per
 * vertex id, the operator state manifests of all old instances (one per old subtask, at whatever
 * parallelism the job ran then). Each new instance reads all of them and keeps its share.
 *
 * @param storage where the manifests were published
 * @param snapshotsByVertex manifest names by vertex id
 */
public record OperatorStateRestore(SnapshotStorage storage, Map<String, List<String>> snapshotsByVertex) {

  public OperatorStateRestore {
    if (storage == null) {
      throw new IllegalArgumentException("storage is null");
    }
    Map<String, List<String>> copy = new TreeMap<>();
    snapshotsByVertex.forEach((vertex, names) -> copy.put(vertex, List.copyOf(names)));
    snapshotsByVertex = Map.copyOf(copy);
  }

  /**
   * The restore for the results of {@link SubtaskOperatorState#snapshot} of every old subtask
   * (each a map from vertex id to manifest name), gathered per vertex in the order given.
   */
  public static OperatorStateRestore of(SnapshotStorage storage, Collection<Map<String, String>> subtaskSnapshots) {
    Map<String, List<String>> byVertex = new TreeMap<>();
    for (Map<String, String> subtask : subtaskSnapshots) {
      subtask.forEach((vertex, name) -> byVertex.computeIfAbsent(vertex, v -> new ArrayList<>()).add(name));
    }
    return new OperatorStateRestore(storage, byVertex);
  }

  /** The manifests to restore vertex {@code vertexId} from; empty when it starts without operator state. */
  public List<String> snapshotsOf(String vertexId) {
    return snapshotsByVertex.getOrDefault(vertexId, List.of());
  }
}
