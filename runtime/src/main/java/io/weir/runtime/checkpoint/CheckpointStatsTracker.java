package io.weir.runtime.checkpoint;

import io.weir.runtime.checkpoint.CheckpointSummary.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the counts and the last {@link #RECENT} checkpoints' summaries. Updated on the
 * coordinator's thread; {@link #snapshot} may be read from any thread.
 */
final class CheckpointStatsTracker {
  static final int RECENT = 10;
  private final Map<Long, CheckpointSummary> recent = new LinkedHashMap<>();
  private long completed;
  private long failed;
  private int inProgress;
  private volatile CheckpointStats snapshot = CheckpointStats.NONE;

  CheckpointStats snapshot() {
    return snapshot;
  }

  void started(PendingCheckpoint pending) {
    inProgress++;
    put(progress(pending, pending.triggerMillis()));
  }

  void acknowledged(PendingCheckpoint pending, long nowMillis) {
    put(progress(pending, nowMillis));
  }

  void completed(PendingCheckpoint pending, CompletedCheckpoint checkpoint) {
    inProgress--;
    completed++;
    put(summary(pending, Status.COMPLETED, checkpoint.completedMillis(), ""));
  }

  void failed(PendingCheckpoint pending, long nowMillis, String reason) {
    inProgress--;
    failed++;
    put(summary(pending, Status.FAILED, nowMillis, reason));
  }

  private CheckpointSummary progress(PendingCheckpoint pending, long nowMillis) {
    return summary(pending, Status.IN_PROGRESS, nowMillis, "");
  }

  private static CheckpointSummary summary(PendingCheckpoint pending, Status status, long nowMillis, String reason) {
    long sync = 0;
    long async = 0;
    long alignment = 0;
    long state = 0;
    long written = 0;
    long inFlight = 0;
    for (SubtaskCheckpointAck ack : pending.receivedAcks()) {
      SubtaskCheckpointMetrics m = ack.metrics();
      sync = Math.max(sync, m.syncMillis());
      async = Math.max(async, m.asyncMillis());
      alignment = Math.max(alignment, m.alignmentMillis());
      state += m.stateBytes();
      written += m.writtenBytes();
      inFlight += m.inFlightBytes();
    }
    return new CheckpointSummary(pending.id(), pending.options().type(), status, pending.triggerMillis(),
        Math.max(0, nowMillis - pending.triggerMillis()), sync, async, alignment, state, written, inFlight,
        pending.acknowledged(), pending.subtasks(), reason);
  }

  private void put(CheckpointSummary summary) {
    recent.put(summary.id(), summary);
    while (recent.size() > RECENT) {
      recent.remove(recent.keySet().iterator().next());
    }
    List<CheckpointSummary> ordered = new ArrayList<>(recent.values());
    ordered.sort(java.util.Comparator.comparingLong(CheckpointSummary::id));
    snapshot = new CheckpointStats(completed, failed, inProgress, ordered);
  }
}
