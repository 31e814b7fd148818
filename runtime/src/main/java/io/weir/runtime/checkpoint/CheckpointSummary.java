package io.weir.runtime.checkpoint;

/**
 * One checkpoint as the statistics show it.
 *
 * @param durationMillis from trigger to completion or failure; so far, while in progress
 * @param maxSyncMillis the largest synchronous part over the acknowledged subtasks (likewise async
 *     and alignment)
 * @param acknowledged subtasks that acknowledged, of {@code subtasks}
 * @param failureReason why it failed; empty otherwise
 */
public record CheckpointSummary(long id, CheckpointType type, Status status, long triggerMillis, long durationMillis,
    long maxSyncMillis, long maxAsyncMillis, long maxAlignmentMillis, long stateBytes, long writtenBytes,
    long inFlightBytes, int acknowledged, int subtasks, String failureReason) {

  /** Where a checkpoint is. */
  public enum Status { IN_PROGRESS, COMPLETED, FAILED }

  /** One line for logs and progress output. */
  public String describe() {
    String what = (type == CheckpointType.SAVEPOINT ? "savepoint " : "checkpoint ") + id;
    return switch (status) {
      case IN_PROGRESS -> what + " in progress (" + acknowledged + "/" + subtasks + " acknowledged)";
      case COMPLETED -> what + " completed in " + durationMillis + " ms, " + stateBytes + " bytes of state ("
          + writtenBytes + " written, " + inFlightBytes + " in flight), max sync " + maxSyncMillis + " ms, async "
          + maxAsyncMillis + " ms, alignment " + maxAlignmentMillis + " ms";
      case FAILED -> what + " failed after " + durationMillis + " ms: " + failureReason;
    };
  }
}
