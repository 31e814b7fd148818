package io.weir.runtime.checkpoint;

import java.util.List;
import java.util.Optional;

/**
 * An immutable view of a job's checkpoints: how many completed, failed and are in progress, and
 * the most recent ones (savepoints included), oldest first.
 */
public record CheckpointStats(long completed, long failed, int inProgress, List<CheckpointSummary> recent) {

  public static final CheckpointStats NONE = new CheckpointStats(0, 0, 0, List.of());

  public CheckpointStats {
    recent = List.copyOf(recent);
  }

  /** The most recent completed checkpoint or savepoint. */
  public Optional<CheckpointSummary> lastCompleted() {
    for (int i = recent.size() - 1; i >= 0; i--) {
      if (recent.get(i).status() == CheckpointSummary.Status.COMPLETED) {
        return Optional.of(recent.get(i));
      }
    }
    return Optional.empty();
  }

  /** The most recent failed one. */
  public Optional<CheckpointSummary> lastFailed() {
    for (int i = recent.size() - 1; i >= 0; i--) {
      if (recent.get(i).status() == CheckpointSummary.Status.FAILED) {
        return Optional.of(recent.get(i));
      }
    }
    return Optional.empty();
  }

  /** e.g. "checkpoints: 12 completed, 1 failed, 0 in progress; last 48 ms, 20480 bytes". */
  public String describe() {
    StringBuilder sb = new StringBuilder("checkpoints: ").append(completed).append(" completed, ").append(failed)
        .append(" failed, ").append(inProgress).append(" in progress");
    lastCompleted().ifPresent(last -> sb.append("; last ").append(last.durationMillis()).append(" ms, ")
        .append(last.stateBytes()).append(" bytes"));
    return sb.toString();
  }
}
