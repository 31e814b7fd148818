package io.weir.runtime.jobmanager;

import io.weir.runtime.checkpoint.CheckpointStats;
import io.weir.runtime.checkpoint.CompletedCheckpoint;
import io.weir.runtime.rpc.CheckpointSummary;
import io.weir.runtime.rpc.JobCheckpoints;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A job's checkpoints across its attempts: each attempt has a coordinator of its own, but counts,
 * the recent checkpoints and where completed ones are belong to the job. Written by the
 * JobManager's main thread, read from any thread ({@link #snapshot}).
 */
final class CheckpointHistory {
  /** Checkpoints {@code weir status} shows. */
  static final int RECENT = 10;

  /** What the attempts before the current one did. */
  private record Earlier(long completed, long failed, List<CheckpointSummary> recent) {}

  private volatile Earlier earlier = new Earlier(0, 0, List.of());
  private volatile AttemptCheckpoints current;
  private volatile long restoredId;
  private volatile String restoredFrom = "";
  /** Where completed checkpoints and savepoints are, by id (only the recent ones are kept). */
  private final Map<Long, String> locations = new ConcurrentHashMap<>();

  /** The current attempt checkpoints with {@code attempt}, restored from checkpoint {@code id} at {@code from} (0, "": empty). */
  void attemptStarted(AttemptCheckpoints attempt, long id, String from) {
    restoredId = id;
    restoredFrom = from;
    current = attempt;
  }

  /** What the current attempt restored from (0, "": nothing, or not known yet). */
  void restored(long id, String from) {
    restoredId = id;
    restoredFrom = from;
  }

  /** Folds a stopped attempt's checkpoints into the job's. */
  void attemptStopped(AttemptCheckpoints attempt) {
    attempt.latestCompleted().ifPresent(this::completed);
    CheckpointStats stats = attempt.stats();
    Earlier before = earlier;
    earlier = new Earlier(before.completed + stats.completed(), before.failed + stats.failed(),
        lastFew(before.recent, convert(stats, attempt.attempt())));
    if (current == attempt) {
      current = null;
    }
  }

  /** Remembers where a completed checkpoint or savepoint is, for the status. */
  void completed(CompletedCheckpoint checkpoint) {
    locations.put(checkpoint.id(), restorePath(checkpoint));
  }

  JobCheckpoints snapshot() {
    Earlier before = earlier;
    AttemptCheckpoints now = current;
    long completed = before.completed;
    long failed = before.failed;
    int inProgress = 0;
    List<CheckpointSummary> recent = before.recent;
    if (now != null) {
      now.latestCompleted().ifPresent(this::completed);
      CheckpointStats stats = now.stats();
      completed += stats.completed();
      failed += stats.failed();
      inProgress = stats.inProgress();
      recent = lastFew(recent, convert(stats, now.attempt()));
    }
    long oldest = oldest(recent);
    locations.keySet().removeIf(id -> id < oldest);
    return new JobCheckpoints(completed, failed, inProgress, restoredId, restoredFrom, recent);
  }

  private static long oldest(List<CheckpointSummary> recent) {
    return recent.isEmpty() ? Long.MAX_VALUE : recent.get(0).id();
  }

  private List<CheckpointSummary> convert(CheckpointStats stats, int attempt) {
    List<CheckpointSummary> converted = new ArrayList<>();
    for (io.weir.runtime.checkpoint.CheckpointSummary s : stats.recent()) {
      CheckpointSummary.Status status = switch (s.status()) {
        case IN_PROGRESS -> CheckpointSummary.Status.IN_PROGRESS;
        case COMPLETED -> CheckpointSummary.Status.COMPLETED;
        case FAILED -> CheckpointSummary.Status.FAILED;
      };
      String location = status == CheckpointSummary.Status.COMPLETED ? locations.getOrDefault(s.id(), "") : "";
      converted.add(new CheckpointSummary(s.id(), s.type(), status, s.triggerMillis(), s.durationMillis(), s.acknowledged(),
          s.subtasks(), s.maxSyncMillis(), s.maxAsyncMillis(), s.maxAlignmentMillis(), s.stateBytes(), s.writtenBytes(), s.inFlightBytes(),
          s.failureReason(), location, attempt));
    }
    return converted;
  }

  /** The last {@link #RECENT} of {@code older} followed by {@code newer}. */
  private static List<CheckpointSummary> lastFew(List<CheckpointSummary> older, List<CheckpointSummary> newer) {
    List<CheckpointSummary> all = new ArrayList<>(older);
    all.addAll(newer);
    return List.copyOf(all.subList(Math.max(0, all.size() - RECENT), all.size()));
  }

  /**
   * What a job restores a completed checkpoint from: a savepoint's directory (self-contained, what
   * users resubmit with), a checkpoint's metadata file in the job's checkpoint directory (which
   * holds other checkpoints too). Metadata files are the metadata manifest name plus
   * {@code .manifest} in a local directory storage; the directory when that file is not there.
   */
  static String restorePath(CompletedCheckpoint checkpoint) {
    if (checkpoint.isSavepoint()) {
      return checkpoint.location();
    }
    Path file = Path.of(checkpoint.location()).resolve(checkpoint.metadataName() + ".manifest");
    return Files.isRegularFile(file) ? file.toString() : checkpoint.location();
  }
}
