package io.weir.runtime.checkpoint;

/**
 * How a subtask reports its part of a checkpoint to the coordinator: a direct call in the embedded
 * runtime, an RPC message to the JobManager on a cluster. Called from the subtask's snapshot writer
 * threads (acknowledge) or its task thread (decline); implementations must be thread-safe.
 */
public interface CheckpointResponder {

  /** The subtask's part of the checkpoint is durable. */
  void acknowledge(SubtaskCheckpointAck ack);

  /**
   * The subtask cannot complete its part of checkpoint {@code checkpointId} (its snapshot failed, or
   * it finished before the barrier reached it): the coordinator aborts the checkpoint.
   */
  void decline(long checkpointId, int task, int subtask, String reason);
}
