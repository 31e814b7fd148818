package io.weir.runtime.checkpoint;

import io.weir.runtime.network.CheckpointBarrier;

/**
 * How the checkpoint coordinator reaches the running subtasks: direct calls on the subtask runners
 * in the embedded runtime, RPC messages to the TaskManagers on a cluster. Called on the
 * coordinator's thread; implementations must not block on the subtasks.
 */
public interface CheckpointTransport {

  /** Asks source subtask {@code subtask} of task {@code task} to emit {@code barrier} between two records. */
  void triggerSource(int task, int subtask, CheckpointBarrier barrier);

  /** Checkpoint {@code checkpointId} is complete: every subtask may commit what it pre-committed up to it. */
  void notifyComplete(long checkpointId);

  /** Checkpoint {@code checkpointId} was aborted: subtasks drop what they still hold for it. */
  void notifyAborted(long checkpointId);
}
