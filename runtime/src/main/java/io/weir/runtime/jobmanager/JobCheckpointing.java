package io.weir.runtime.jobmanager;

import io.weir.runtime.checkpoint.CompletedCheckpoint;
import io.weir.runtime.checkpoint.RestorePlan;
import io.weir.runtime.checkpoint.SubtaskCheckpointAck;
import io.weir.runtime.graph.PhysicalGraph;
import io.weir.runtime.graph.TaskSpec;
import io.weir.runtime.rpc.JobCheckpoints;
import io.weir.runtime.rpc.JobSubmission;
import io.weir.runtime.rpc.Message;
import io.weir.runtime.rpc.RpcConnection;
import io.weir.state.snapshot.LocalDirectorySnapshotStorage;
import io.weir.state.snapshot.SnapshotStorage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The checkpoint side of one job on the cluster: its checkpoint directory ({@code <config
 * dir>/<jobId>}), what each attempt restores (the submission's savepoint for the first, the latest
 * checkpoint completed before for a restart, else what the previous attempt restored), the
 * coordinator of the attempt deployed now, and the job's checkpoint history across attempts. Driven
 * by the {@link JobMaster} on the JobManager's main thread; acknowledgements, declines and
 * {@link #snapshot} may come from any thread.
 */
final class JobCheckpointing {
  private final String jobId;
  private final JobSubmission submission;
  private final PhysicalGraph graph;
  private final CheckpointHistory history = new CheckpointHistory();
  /** Null when the job takes no periodic checkpoints (savepoints only). */
  private final Path directory;
  private SnapshotStorage storage;
  /** What the next attempt restores from; empty for nothing. */
  private String restorePath;
  /** The first attempt's restore, checked when the job was submitted; null once used or when none. */
  private RestorePlan firstRestore;
  private boolean firstUsed;
  /** The coordinator of the attempt deployed now, or null. */
  private volatile AttemptCheckpoints current;
  /** The coordinator of the attempt that stopped last: it cleans up once the job has ended. */
  private AttemptCheckpoints lastStopped;

  JobCheckpointing(String jobId, JobSubmission submission, PhysicalGraph graph, RestorePlan firstRestore) {
    this.jobId = jobId;
    this.submission = submission;
    this.graph = graph;
    // only periodic checkpoints use it: a configured directory alone does not litter it with empty job directories
    String root = submission.checkpoints().directory();
    this.directory = root.isEmpty() || !submission.checkpoints().periodic() ? null : Path.of(root).resolve(jobId);
    this.restorePath = submission.restorePath();
    this.firstRestore = firstRestore;
  }

  /** The job's checkpoint directory as deployments name it; empty when it has none. */
  String directory() {
    return directory == null ? "" : directory.toString();
  }

  /** What the next attempt restores from, as deployments name it; empty for nothing. */
  String restorePath() {
    return restorePath;
  }

  /** A new attempt waits for slots: what it restores is known only once it deploys. */
  void attemptScheduled() {
    history.restored(0, "");
  }

  /**
   * What the attempt about to deploy restores (null: nothing), its checkpoint directory created.
   * Throws when the checkpoint it should restore cannot be read or does not fit the job.
   */
  RestorePlan prepareAttempt() {
    if (directory != null && storage == null) {
      try {
        storage = new LocalDirectorySnapshotStorage(directory);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create the checkpoint directory " + directory, e);
      }
    }
    if (!firstUsed) {
      return firstRestore;
    }
    return restorePath.isEmpty() ? null : RestorePlan.load(Path.of(restorePath), graph, submission.allowNonRestoredState());
  }

  /**
   * Creates the coordinator of a deployed attempt whose subtask i of every task runs in
   * {@code slots.get(i)}. Its checkpoint ids continue after every id that has files in the job's
   * directory, so they keep growing across attempts; what a failed attempt left of checkpoints
   * after the restored one goes at the new attempt's first completion (the coordinator's rule).
   */
  void attemptDeployed(int attempt, RestorePlan restore, List<SlotPool.Member> slots, ScheduledExecutorService timer,
      Executor io) {
    firstUsed = true;
    firstRestore = null;
    Map<Long, RpcConnection> bySubtask = new HashMap<>();
    for (TaskSpec task : graph.tasks()) {
      for (int i = 0; i < task.parallelism(); i++) {
        bySubtask.put(AttemptCheckpoints.key(task.index(), i), slots.get(i).connection);
      }
    }
    List<RpcConnection> taskManagers = new LinkedHashSet<>(slots).stream().map(m -> m.connection).toList();
    AttemptCheckpoints started = new AttemptCheckpoints(jobId, attempt, graph, submission.checkpoints(), storage, restore,
        bySubtask, taskManagers, timer, io);
    history.attemptStarted(started, restore == null ? 0 : restore.checkpointId(), restore == null ? "" : restorePath);
    current = started;
  }

  /** Every subtask of the attempt runs: periodic checkpoints begin. */
  void attemptRunning() {
    AttemptCheckpoints now = current;
    if (now != null) {
      now.start();
    }
  }

  void subtaskFinished(int task, int subtask) {
    AttemptCheckpoints now = current;
    if (now != null) {
      now.subtaskFinished(task, subtask);
    }
  }

  /** The attempt is stopping or ended: its coordinator stops; its latest checkpoint is what the next attempt restores. */
  void attemptStopped() {
    AttemptCheckpoints stopping = current;
    if (stopping == null) {
      return;
    }
    current = null;
    lastStopped = stopping;
    stopping.stop();
    stopping.latestCompleted().ifPresent(latest -> restorePath = CheckpointHistory.restorePath(latest));
    history.attemptStopped(stopping);
  }

  /**
   * The job has ended and no subtask writes any more: files of checkpoints that were aborted or
   * interrupted go; the retained ones (the latest, to resume from) stay.
   */
  void jobEnded() {
    attemptStopped();
    if (lastStopped != null && directory != null) {
      lastStopped.discardAbandoned();
    }
  }

  /** A TaskManager's acknowledgement; those of other attempts are dropped. Any thread. */
  void acknowledge(int fromAttempt, SubtaskCheckpointAck ack) {
    AttemptCheckpoints now = current;
    if (now != null && now.attempt() == fromAttempt) {
      now.acknowledge(ack);
    }
  }

  /** A TaskManager's decline; those of other attempts are dropped. Any thread. */
  void decline(Message.DeclineCheckpoint decline) {
    AttemptCheckpoints now = current;
    if (now != null && now.attempt() == decline.attempt()) {
      now.decline(decline.checkpointId(), decline.task(), decline.subtask(), decline.reason());
    }
  }

  /**
   * A savepoint of the attempt deployed now; null when none is deployed. {@code endsJob}: the job is
   * cancelled after it, so no checkpoint may start after it (see
   * {@link io.weir.runtime.checkpoint.CheckpointCoordinator#triggerFinalSavepoint}).
   */
  CompletableFuture<CompletedCheckpoint> triggerSavepoint(String targetDirectory, boolean endsJob) {
    AttemptCheckpoints now = current;
    if (now == null) {
      return null;
    }
    return now.triggerSavepoint(targetDirectory, endsJob).whenComplete((done, failure) -> {
      if (done != null) {
        history.completed(done);
      }
    });
  }

  JobCheckpoints snapshot() {
    return history.snapshot();
  }
}
