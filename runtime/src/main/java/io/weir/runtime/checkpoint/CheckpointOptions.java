package io.weir.runtime.checkpoint;

/**
 * How one checkpoint is taken; carried by its barriers so that every task knows without asking.
 *
 * @param unaligned barriers overtake in-flight buffers, which are stored with the snapshot
 *     (exactly-once only)
 * @param alignmentTimeoutMillis an aligned exactly-once checkpoint whose alignment at a task takes
 *     longer switches to unaligned at that task; 0 never switches
 * @param targetLocation where a savepoint is written (a directory path, as the TaskManagers see it);
 *     empty for checkpoints, which go to the job's checkpoint directory
 */
public record CheckpointOptions(CheckpointType type, CheckpointingMode mode, boolean unaligned,
    long alignmentTimeoutMillis, String targetLocation) {

  public CheckpointOptions {
    if (type == null || mode == null || targetLocation == null) {
      throw new IllegalArgumentException("type, mode and target location are required");
    }
    if (alignmentTimeoutMillis < 0) {
      throw new IllegalArgumentException("alignment timeout must not be negative, got " + alignmentTimeoutMillis);
    }
    if (unaligned && mode != CheckpointingMode.EXACTLY_ONCE) {
      throw new IllegalArgumentException("unaligned checkpoints exist only in exactly-once mode");
    }
    if (type == CheckpointType.SAVEPOINT && (unaligned || mode != CheckpointingMode.EXACTLY_ONCE || targetLocation.isEmpty())) {
      throw new IllegalArgumentException("a savepoint is aligned, exactly-once and has a target location");
    }
  }

  /** A savepoint into {@code directory}. */
  public static CheckpointOptions savepoint(String directory) {
    return new CheckpointOptions(CheckpointType.SAVEPOINT, CheckpointingMode.EXACTLY_ONCE, false, 0, directory);
  }

  /** A periodic checkpoint as {@code config} describes. */
  public static CheckpointOptions checkpoint(CheckpointConfig config) {
    return new CheckpointOptions(CheckpointType.CHECKPOINT, config.mode(), config.unaligned(),
        config.alignmentTimeout().toMillis(), "");
  }

  public boolean isSavepoint() {
    return type == CheckpointType.SAVEPOINT;
  }
}
