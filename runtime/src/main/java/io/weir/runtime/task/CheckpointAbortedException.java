package io.weir.runtime.task;

/**
 * A checkpoint was given up at this subtask before its part was complete: a newer barrier overtook
 * it, an upstream task cancelled it, or the subtask could not take it. The subtask declines the
 * checkpoint with the message as reason and keeps running.
 */
final class CheckpointAbortedException extends RuntimeException {
  CheckpointAbortedException(String reason) {
    super(reason, null, false, false); // a control-flow signal: no stack trace needed
  }
}
