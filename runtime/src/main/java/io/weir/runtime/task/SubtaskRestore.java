package io.weir.runtime.task;

import io.weir.state.snapshot.SnapshotStorage;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one subtask starts from when its job resumes from a checkpoint or savepoint: the snapshots
 * to restore, all in one storage, matched to the chain's vertices by their stable vertex ids.
 *
 * @param checkpointId the checkpoint resumed from; transactional sinks commit what it pre-committed
 * @param storage where the checkpoint's manifests and files are
 * @param keyedByVertex keyed-state manifests per keyed vertex id: every old instance's (the backend
 *     keeps the key groups of its own range), so any parallelism restores
 * @param operatorState operator state of the chain's sources and sinks (redistributed by each
 *     store), or null when none was stored
 * @param channelState manifests of in-flight buffers of this very subtask (unaligned checkpoints,
 *     same parallelism only), replayed before any new input; empty when none
 */
public record SubtaskRestore(long checkpointId, SnapshotStorage storage, Map<String, List<String>> keyedByVertex,
    OperatorStateRestore operatorState, List<String> channelState) {

  public SubtaskRestore {
    if (storage == null) {
      throw new IllegalArgumentException("storage is null");
    }
    Map<String, List<String>> copy = new TreeMap<>();
    keyedByVertex.forEach((vertex, names) -> copy.put(vertex, List.copyOf(names)));
    keyedByVertex = java.util.Collections.unmodifiableMap(copy);
    channelState = List.copyOf(channelState);
  }

  /** The keyed-state manifests of vertex {@code vertexId}; empty when it starts without keyed state. */
  public List<String> keyedOf(String vertexId) {
    return keyedByVertex.getOrDefault(vertexId, List.of());
  }
}
