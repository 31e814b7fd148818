package io.weir.runtime.rpc;

import java.util.List;
import java.util.Objects;

/**
 * The checkpoints of a job across all its attempts, as {@link JobInfo} carries them: counts, what
 * the current attempt restored from, and the most recent checkpoints, newest last.
 *
 * @param completed checkpoints and savepoints completed since the job was submitted
 * @param failed those that failed (declined, timed out, aborted by a failing attempt)
 * @param inProgress those pending right now
 * @param restoredCheckpointId the checkpoint the current attempt started from; 0 when it started empty
 * @param restoredFrom the metadata file (or savepoint directory) the current attempt started from;
 *     empty when it started empty
 * @param recent the last few checkpoints, oldest first
 */
public record JobCheckpoints(long completed, long failed, int inProgress, long restoredCheckpointId, String restoredFrom,
    List<CheckpointSummary> recent) {

  /** A job that has not checkpointed and started empty. */
  public static final JobCheckpoints NONE = new JobCheckpoints(0, 0, 0, 0, "", List.of());

  public JobCheckpoints {
    Objects.requireNonNull(restoredFrom, "restoredFrom");
    recent = List.copyOf(recent);
    if (completed < 0 || failed < 0 || inProgress < 0 || restoredCheckpointId < 0) {
      throw new IllegalArgumentException("negative checkpoint counts");
    }
  }

  /** The same figures with the current attempt's restore replaced. */
  public JobCheckpoints restoredFrom(long checkpointId, String from) {
    return new JobCheckpoints(completed, failed, inProgress, checkpointId, from, recent);
  }
}
