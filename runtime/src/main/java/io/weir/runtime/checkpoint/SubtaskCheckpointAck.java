package io.weir.runtime.checkpoint;

import java.util.Map;
import java.util.TreeMap;

/**
 * A subtask has published its whole part of checkpoint {@link #checkpointId()}: every file is
 * durable and every manifest published. Manifest names are relative to the checkpoint's storage
 * (the job's checkpoint directory, or the savepoint's directory).
 *
 * @param task index of the task (chain) in the physical graph
 * @param keyedManifests keyed-state manifest per vertex id, for keyed vertices of the chain
 * @param operatorManifests operator-state manifest per vertex id, for sources and sinks that declare
 *     operator state (transactional sinks' pending transactions included)
 * @param channelState manifest of the in-flight buffers stored by an unaligned snapshot; empty when
 *     none were stored
 */
public record SubtaskCheckpointAck(long checkpointId, int task, int subtask, Map<String, String> keyedManifests,
    Map<String, String> operatorManifests, String channelState, SubtaskCheckpointMetrics metrics) {

  public SubtaskCheckpointAck {
    keyedManifests = java.util.Collections.unmodifiableMap(new TreeMap<>(keyedManifests));
    operatorManifests = java.util.Collections.unmodifiableMap(new TreeMap<>(operatorManifests));
    if (channelState == null || metrics == null) {
      throw new IllegalArgumentException("channelState and metrics are required (use \"\" and NONE)");
    }
  }
}
