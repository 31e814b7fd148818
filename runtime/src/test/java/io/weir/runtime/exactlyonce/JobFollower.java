package io.weir.runtime.exactlyonce;

import io.weir.runtime.client.ClusterClient;
import io.weir.runtime.rpc.ExecutionStatus;
import io.weir.runtime.rpc.JobInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * Polls one cluster job's status every few milliseconds and remembers what it saw: statuses by
 * attempt, completed checkpoint counts, and what each attempt restored from.
 */
final class JobFollower {
  private static final long POLL_MILLIS = 10;

  private final ClusterClient client;
  private final String jobId;
  private final List<String> history = new ArrayList<>();
  private JobInfo last;
  private boolean restoredFromCheckpoint;
  /** Completed checkpoints counted when the current attempt was first seen running. */
  private long completedAtAttemptStart = -1;
  private int attemptSeenRunning = -1;

  JobFollower(ClusterClient client, String jobId) {
    this.client = client;
    this.jobId = jobId;
  }

  JobInfo poll() throws Exception {
    JobInfo info = client.status(jobId);
    String entry = info.status() + "@" + info.attempt() + " completed=" + info.checkpoints().completed()
        + " restored=" + info.checkpoints().restoredCheckpointId();
    if (history.isEmpty() || !history.get(history.size() - 1).equals(entry)) {
      history.add(entry);
    }
    if (info.status() == ExecutionStatus.RUNNING && info.attempt() != attemptSeenRunning) {
      attemptSeenRunning = info.attempt();
      completedAtAttemptStart = info.checkpoints().completed();
    }
    if (info.attempt() > 0 && info.checkpoints().restoredCheckpointId() > 0) {
      restoredFromCheckpoint = true;
    }
    last = info;
    return info;
  }

  void awaitStatus(ExecutionStatus status, Deadline deadline) throws Exception {
    deadline.await(status + " of job " + jobId + "; seen " + history, POLL_MILLIS, () -> {
      JobInfo info = poll();
      failIfEnded(info, status);
      return info.status() == status;
    });
  }

  void awaitAttempt(int attempt, Deadline deadline) throws Exception {
    deadline.await("attempt " + attempt + " running; seen " + history, POLL_MILLIS, () -> {
      JobInfo info = poll();
      failIfEnded(info, ExecutionStatus.RUNNING);
      return info.attempt() >= attempt && info.status() == ExecutionStatus.RUNNING;
    });
  }

  /** Waits until the running attempt has completed at least one checkpoint of its own. */
  void awaitCompletedCheckpointInCurrentAttempt(Deadline deadline, long seed) throws Exception {
    deadline.await("a checkpoint completed by the running attempt (seed " + seed + "); seen " + history, POLL_MILLIS, () -> {
      JobInfo info = poll();
      failIfEnded(info, ExecutionStatus.RUNNING);
      return info.status() == ExecutionStatus.RUNNING && info.attempt() == attemptSeenRunning
          && info.checkpoints().completed() > completedAtAttemptStart;
    });
  }

  JobInfo awaitEnd(Deadline deadline) throws Exception {
    deadline.await("the end of job " + jobId + "; seen " + history, 50, () -> poll().status().isTerminal());
    return last;
  }

  boolean sawRestoreFromCheckpoint() {
    return restoredFromCheckpoint;
  }

  List<String> history() {
    return List.copyOf(history);
  }

  private void failIfEnded(JobInfo info, ExecutionStatus awaited) {
    if (info.status().isTerminal() && awaited != info.status()) {
      throw new AssertionError("job " + jobId + " ended " + info.status() + " (" + info.failure() + ") while waiting for "
          + awaited + "; seen " + history);
    }
  }
}
