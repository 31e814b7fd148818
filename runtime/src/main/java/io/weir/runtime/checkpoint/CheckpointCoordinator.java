package io.weir.runtime.checkpoint;

import io.weir.runtime.graph.PhysicalGraph;
import io.weir.runtime.graph.TaskSpec;
import io.weir.runtime.network.CheckpointBarrier;
import io.weir.state.snapshot.LocalDirectorySnapshotStorage;
import io.weir.state.snapshot.SnapshotStorage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a job's checkpoints and savepoints: triggers them at the sources, collects every subtask's
 * acknowledgement, publishes the metadata last, notifies the subtasks, keeps the last completed
 * checkpoints and deletes older ones. Aborts a checkpoint that a subtask declines or that times out.
 *
 * <p>Every decision runs on the single {@code timer} thread (public methods hop onto it), so the
 * bookkeeping needs no locks; writing metadata and deleting files run on {@code io}, so a slow
 * storage never delays acknowledgements or timeouts.
 */
public final class CheckpointCoordinator {
  private static final Logger LOG = LoggerFactory.getLogger(CheckpointCoordinator.class);
  private final String jobName;
  private final PhysicalGraph graph;
  private final CheckpointConfig config;
  private final SnapshotStorage checkpointStorage;
  private final CheckpointTransport transport;
  private final ScheduledExecutorService timer;
  private final Executor io;
  private final CompletedCheckpointStore store;
  private final CheckpointStatsTracker stats = new CheckpointStatsTracker();
  private final TreeMap<Long, PendingCheckpoint> pending = new TreeMap<>();
  private long nextId;
  private boolean started;
  private final PeriodicTrigger periodic;
  private String finishedSubtask;
  private volatile boolean stopped;
  /** The job ended: discard abandoned checkpoints as soon as no checkpoint is being finalized. */
  private boolean discardWhenSettled;
  /** A savepoint that ends the job was triggered: no other checkpoint may start after it. */
  private boolean finalSavepoint;
  /** {@link #cleanupIdle} callers waiting for finalizing checkpoints and queued deletions. */
  private final List<CompletableFuture<Void>> idleWaiters = new ArrayList<>();
  private volatile CompletedCheckpoint latest;
  private final CoordinatorThread thread;

  public CheckpointCoordinator(String jobName, PhysicalGraph graph, CheckpointConfig config,
      SnapshotStorage checkpointStorage, CheckpointTransport transport, ScheduledExecutorService timer, Executor io) {
    this.jobName = jobName;
    this.graph = graph;
    this.config = config;
    this.checkpointStorage = checkpointStorage;
    this.transport = transport;
    this.timer = timer;
    this.io = io;
    this.thread = new CoordinatorThread(timer, jobName);
    // ids start after every id the storage holds files of (an earlier attempt of the job in the
    // same directory), so no new file name collides with a leftover one
    this.nextId = CheckpointFiles.firstFreeId(checkpointStorage);
    this.store = new CompletedCheckpointStore(checkpointStorage, config.retained(), io);
    this.periodic = new PeriodicTrigger(config, timer,
        () -> pending.values().stream().filter(p -> !p.options().isSavepoint()).count(),
        () -> startPeriodicKind(new CompletableFuture<>()));
  }

  /**
   * The job resumes from {@code plan}: checkpoint ids continue after it (transactional sinks and
   * storage names rely on ids growing), and when it lives in this job's checkpoint storage it is
   * retained like a completed checkpoint. Call before {@link #start}.
   */
  public void restoredFrom(RestorePlan plan) {
    CompletedCheckpoint restored = plan.asCompletedCheckpoint();
    String here = CheckpointFiles.location(checkpointStorage);
    boolean retainedHere = restored.type() == CheckpointType.CHECKPOINT && !here.isEmpty()
        && Path.of(here).toAbsolutePath().normalize().equals(Path.of(restored.location()).toAbsolutePath().normalize());
    if (retainedHere) {
      latest = restored; // visible at once: a restart before the next completion resumes from it again
    }
    thread.execute(() -> {
      nextId = Math.max(nextId, plan.checkpointId() + 1);
      if (retainedHere) {
        store.addRestored(restored);
      }
    });
  }

  /** Begins periodic triggering, when the configuration asks for it. */
  public void start() {
    thread.execute(() -> {
      if (started || stopped) {
        return;
      }
      started = true;
      if (finishedSubtask == null) {
        periodic.start();
      }
    });
  }

  /**
   * Aborts pending checkpoints and triggers no more (the job ended, is cancelled or failing). One
   * whose every subtask acknowledged, whose metadata is being written, still completes.
   */
  public void stop() {
    stopped = true;
    thread.executeAndWait(this::stopOnTimer, 10);
  }

  public void acknowledge(SubtaskCheckpointAck ack) {
    thread.execute(() -> onAcknowledge(ack));
  }

  public void decline(long id, int task, int subtask, String reason) {
    thread.execute(() -> onDecline(id, task, subtask, reason));
  }

  /** A subtask finished: no checkpoint can complete any more, so pending ones abort and none start. */
  public void subtaskFinished(int task, int subtask) {
    thread.execute(() -> {
      if (finishedSubtask != null) {
        return;
      }
      finishedSubtask = describeSubtask(task, subtask);
      periodic.cancel();
      for (PendingCheckpoint p : new ArrayList<>(pending.values())) {
        if (!p.isFinalizing()) {
          abort(p, "subtask " + finishedSubtask + " finished; a checkpoint needs every subtask running");
        }
      }
    });
  }

  /**
   * Takes a savepoint into a fresh directory under {@code targetDirectory}; the future yields it
   * once its metadata is published, or fails saying why it could not be taken.
   */
  public CompletableFuture<CompletedCheckpoint> triggerSavepoint(String targetDirectory) {
    return trigger("savepoint", result -> startSavepoint(targetDirectory, result));
  }

  /**
   * Takes the savepoint that ends the job (cancel with savepoint). From its trigger on no other
   * checkpoint starts: one completing after the savepoint would let transactional sinks commit the
   * output of records the savepoint does not hold, and a job resumed from it would emit them again.
   * Checkpoints triggered before it may still complete (their records are in it). If the savepoint
   * fails, the job goes on and periodic checkpoints resume.
   */
  public CompletableFuture<CompletedCheckpoint> triggerFinalSavepoint(String targetDirectory) {
    return trigger("savepoint", result -> {
      finalSavepoint = true;
      periodic.cancel();
      result.whenComplete((done, failure) -> {
        if (failure != null) {
          thread.execute(() -> {
            finalSavepoint = false;
            if (started && !stopped && finishedSubtask == null) {
              periodic.resume();
            }
          });
        }
      });
      startSavepoint(targetDirectory, result);
    });
  }

  private void startSavepoint(String targetDirectory, CompletableFuture<CompletedCheckpoint> result) {
    long id = nextId++;
    try {
      Path directory = SavepointDirectory.create(targetDirectory, jobName, id);
      SnapshotStorage storage = new LocalDirectorySnapshotStorage(directory);
      start(id, CheckpointOptions.savepoint(directory.toString()), storage, directory.toString(), result);
    } catch (Exception e) {
      result.completeExceptionally(new CheckpointAbortedException(id, "savepoint " + id + " of job " + jobName
          + " could not create its directory under " + targetDirectory + ": " + e));
    }
  }

  /** Triggers a checkpoint now, regardless of interval, pause and concurrency limits. */
  public CompletableFuture<CompletedCheckpoint> triggerCheckpoint() {
    return trigger("checkpoint", this::startPeriodicKind);
  }

  /** Runs {@code start} on the timer thread unless the job cannot take a {@code what} any more. */
  private CompletableFuture<CompletedCheckpoint> trigger(String what,
      java.util.function.Consumer<CompletableFuture<CompletedCheckpoint>> start) {
    CompletableFuture<CompletedCheckpoint> result = new CompletableFuture<>();
    if (!thread.execute(() -> {
      String refusal = refusal(what);
      if (refusal != null) {
        result.completeExceptionally(new CheckpointAbortedException(0, refusal));
      } else {
        start.accept(result);
      }
    })) {
      result.completeExceptionally(new CheckpointAbortedException(0, refusalWhenStopped(what)));
    }
    return result;
  }

  /** The most recent completed periodic checkpoint (savepoints are the user's, not retained here). */
  public Optional<CompletedCheckpoint> latestCompleted() {
    return Optional.ofNullable(latest);
  }

  public CheckpointStats stats() {
    return stats.snapshot();
  }

  /**
   * Once the job ended (no subtask writes any more) and the coordinator stopped: deletes the files
   * of every checkpoint not retained (aborted, or interrupted by the end); only restorable ones stay.
   * A checkpoint whose metadata is still being written completes first, so the deletion keeps
   * exactly the {@code retained} newest completed ones.
   */
  public void discardAbandonedCheckpoints() {
    thread.execute(() -> {
      discardWhenSettled = true;
      settle();
    });
  }

  /**
   * Completes once no checkpoint is being finalized and the file deletions queued by then have
   * run; for tests and orderly shutdown.
   */
  public CompletableFuture<Void> cleanupIdle() {
    CompletableFuture<Void> idle = new CompletableFuture<>();
    if (!thread.execute(() -> {
      idleWaiters.add(idle);
      settle();
    })) {
      idle.complete(null);
    }
    return idle;
  }

  // ---- everything below runs on the timer thread ----

  private String refusalWhenStopped(String what) {
    return "cannot take a " + what + " of job " + jobName + ": it is no longer running";
  }

  private String refusal(String what) {
    if (stopped) {
      return refusalWhenStopped(what);
    }
    if (finalSavepoint) {
      return "cannot take a " + what + " of job " + jobName + ": a savepoint that ends the job was triggered";
    }
    if (finishedSubtask != null) {
      return "cannot take a " + what + " of job " + jobName + ": subtask " + finishedSubtask
          + " has finished (bounded input), and a " + what + " needs every subtask running";
    }
    return null;
  }

  private void startPeriodicKind(CompletableFuture<CompletedCheckpoint> result) {
    start(nextId++, CheckpointOptions.checkpoint(config), checkpointStorage,
        CheckpointFiles.location(checkpointStorage), result);
  }

  private void start(long id, CheckpointOptions options, SnapshotStorage storage, String location,
      CompletableFuture<CompletedCheckpoint> result) {
    long now = System.currentTimeMillis();
    PendingCheckpoint p = new PendingCheckpoint(id, options, now, graph, storage, location, store.retainedIds());
    p.result().whenComplete((done, failure) -> {
      if (failure != null) {
        result.completeExceptionally(failure);
      } else {
        result.complete(done);
      }
    });
    pending.put(id, p);
    stats.started(p);
    p.setTimeout(timer.schedule(() -> onTimeout(p), config.timeout().toMillis(), TimeUnit.MILLISECONDS));
    LOG.debug("triggering {} {} of job {}", options.type(), id, jobName);
    CheckpointBarrier barrier = new CheckpointBarrier(id, now, options);
    try {
      for (TaskSpec task : graph.tasks()) {
        if (task.isSource()) {
          for (int s = 0; s < task.parallelism(); s++) {
            transport.triggerSource(task.index(), s, barrier);
          }
        }
      }
    } catch (RuntimeException e) {
      abort(p, "triggering the sources failed: " + e);
    }
  }

  private void onAcknowledge(SubtaskCheckpointAck ack) {
    PendingCheckpoint p = pending.get(ack.checkpointId());
    if (p == null) {
      LOG.debug("ignoring acknowledgement of checkpoint {} by task {} subtask {}: not pending (any more)",
          ack.checkpointId(), ack.task(), ack.subtask());
      return;
    }
    if (!p.expects(ack.task(), ack.subtask())) {
      LOG.warn("ignoring acknowledgement of checkpoint {} by task {} subtask {}: no such subtask",
          ack.checkpointId(), ack.task(), ack.subtask());
      return;
    }
    if (p.isFinalizing()) {
      return;
    }
    String invalid = p.acknowledge(ack);
    if (invalid != null) {
      abort(p, invalid);
      return;
    }
    stats.acknowledged(p, System.currentTimeMillis());
    if (p.isFullyAcknowledged()) {
      finish(p);
    }
  }

  /** All acknowledgements are in: writes the metadata on the io executor, then completes. */
  private void finish(PendingCheckpoint p) {
    p.startFinalizing();
    CheckpointMetadata metadata = p.metadata(System.currentTimeMillis());
    if (p.options().type() != CheckpointType.CHECKPOINT) {
      publish(p, metadata); // a savepoint is self-contained in its own directory
      return;
    }
    store.verifyAndPin(p.id(), metadata.keyedManifests()).thenAccept(problem -> {
      if (!thread.execute(() -> {
        if (problem == null) {
          publish(p, metadata);
        } else {
          abort(p, problem);
        }
      })) {
        LOG.debug("checkpoint {} of job {} could not complete after the coordinator shut down", p.id(), jobName);
      }
    });
  }

  /** Writes the metadata on the io executor, then completes {@code p} on the coordinator's thread. */
  private void publish(PendingCheckpoint p, CheckpointMetadata metadata) {
    byte[] bytes = CheckpointMetadataFormat.encode(metadata);
    try {
      io.execute(() -> {
        Exception failure = null;
        try {
          p.storage().publishManifest(metadata.metadataName(), bytes);
        } catch (Exception e) {
          failure = e;
        }
        Exception written = failure;
        if (!thread.execute(() -> onMetadataWritten(p, metadata, written))) {
          LOG.debug("checkpoint {} of job {} finished writing after the coordinator shut down", p.id(), jobName);
        }
      });
    } catch (RejectedExecutionException e) {
      abort(p, "cannot write its metadata: the io executor is shut down");
    }
  }

  private void onMetadataWritten(PendingCheckpoint p, CheckpointMetadata metadata, Exception failure) {
    if (pending.get(p.id()) != p) {
      return; // cannot happen: nothing aborts a checkpoint while its metadata is written
    }
    if (failure != null) {
      abort(p, "writing its metadata " + metadata.metadataName() + " failed: " + failure);
      return;
    }
    pending.remove(p.id());
    CompletedCheckpoint completed = new CompletedCheckpoint(p.id(), p.options().type(), p.location(),
        metadata.metadataName(), p.triggerMillis(), metadata.completedMillis(), metadata);
    stats.completed(p, completed);
    if (completed.type() == CheckpointType.CHECKPOINT) {
      // older pending checkpoints can only be worse than this one
      for (PendingCheckpoint older : new ArrayList<>(pending.headMap(p.id()).values())) {
        if (older.options().type() == CheckpointType.CHECKPOINT && !older.isFinalizing()) {
          abort(older, "subsumed by checkpoint " + p.id() + ", which completed first");
        }
      }
      Set<Long> keep = protectedIds();
      // a task that has not yet heard of this completion still builds its incremental snapshots on
      // the checkpoints retained so far: their files stay until the next completion
      keep.addAll(store.retainedIds());
      store.add(completed, keep);
      latest = completed;
    }
    LOG.info("{} {} of job {} complete in {} ms ({} bytes of state)", completed.isSavepoint() ? "savepoint"
        : "checkpoint", completed.id(), jobName, completed.durationMillis(), completed.stateBytes());
    notifySafely(() -> transport.notifyComplete(p.id()), "completion", p.id());
    periodic.checkpointEnded(); // the pause starts now; a waiting periodic trigger may go
    p.result().complete(completed);
    settle();
  }

  private void onDecline(long id, int task, int subtask, String reason) {
    PendingCheckpoint p = pending.get(id);
    if (p != null && !p.isFinalizing()) { // a late decline cannot undo a checkpoint every subtask acknowledged
      abort(p, "subtask " + describeSubtask(task, subtask) + " declined: " + reason);
    }
  }

  private void onTimeout(PendingCheckpoint p) {
    if (pending.get(p.id()) != p || p.isFinalizing()) {
      return;
    }
    List<String> missing = p.missingSubtasks(5);
    int count = p.subtasks() - p.acknowledged();
    abort(p, "timed out after " + config.timeout().toMillis() + " ms; " + count + " of " + p.subtasks()
        + " subtasks had not acknowledged: " + String.join(", ", missing) + (count > missing.size() ? ", ..." : ""));
  }

  private void abort(PendingCheckpoint p, String reason) {
    if (pending.remove(p.id()) == null) {
      return;
    }
    if (p.isFinalizing() && p.options().type() == CheckpointType.CHECKPOINT) {
      store.releasePins(p.id()); // taken when its acknowledgements were complete
    }
    p.cancelTimeout();
    String what = (p.options().isSavepoint() ? "savepoint " : "checkpoint ") + p.id();
    LOG.warn("{} of job {} aborted: {}", what, jobName, reason);
    stats.failed(p, System.currentTimeMillis(), reason);
    notifySafely(() -> transport.notifyAborted(p.id()), "abort", p.id());
    if (p.options().isSavepoint()) {
      SavepointDirectory.deleteFailed(Path.of(p.location()), io); // nothing in it is of any use
    }
    periodic.checkpointEnded(); // the pause starts now; a waiting periodic trigger may go
    p.result().completeExceptionally(new CheckpointAbortedException(p.id(), what + " of job " + jobName
        + " aborted: " + reason));
    settle();
  }

  private void stopOnTimer() {
    stopped = true;
    periodic.cancel();
    for (PendingCheckpoint p : new ArrayList<>(pending.values())) {
      if (!p.isFinalizing()) { // every subtask acknowledged one being finalized: it is whole and completes
        abort(p, "the job is no longer running");
      }
    }
  }

  /**
   * When no checkpoint is being finalized: runs a requested end-of-job discard (once the coordinator
   * stopped and nothing is pending) and releases the {@link #cleanupIdle} waiters after the
   * deletions queued so far. Called whenever a checkpoint leaves {@code pending}.
   */
  private void settle() {
    if (pending.values().stream().anyMatch(PendingCheckpoint::isFinalizing)) {
      return;
    }
    if (discardWhenSettled && stopped && pending.isEmpty()) {
      discardWhenSettled = false;
      store.discardAllButRetained();
    }
    if (!idleWaiters.isEmpty()) {
      CompletableFuture<Void> deletions = store.idle();
      for (CompletableFuture<Void> waiter : idleWaiters) {
        deletions.whenComplete((v, e) -> waiter.complete(null));
      }
      idleWaiters.clear();
    }
  }

  /** Pending checkpoints and the retained ones they may reference: their files must stay. */
  private Set<Long> protectedIds() {
    Set<Long> ids = new HashSet<>(pending.keySet());
    pending.values().forEach(p -> ids.addAll(p.retainedAtTrigger()));
    return ids;
  }

  private void notifySafely(Runnable call, String what, long id) {
    try {
      call.run();
    } catch (RuntimeException e) {
      LOG.warn("could not notify the subtasks of job {} of the {} of checkpoint {}", jobName, what, id, e);
    }
  }

  private String describeSubtask(int task, int subtask) {
    return task >= 0 && task < graph.tasks().size() ? graph.tasks().get(task).subtaskName(subtask)
        : "task " + task + " subtask " + subtask;
  }
}
