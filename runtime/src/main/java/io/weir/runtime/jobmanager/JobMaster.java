package io.weir.runtime.jobmanager;

import io.weir.runtime.blob.JobJars;
import io.weir.runtime.checkpoint.CompletedCheckpoint;
import io.weir.runtime.checkpoint.RestorePlan;
import io.weir.runtime.checkpoint.SubtaskCheckpointAck;
import io.weir.runtime.graph.PhysicalGraph;
import io.weir.runtime.graph.TaskSpec;
import io.weir.runtime.rpc.ExecutionStatus;
import io.weir.runtime.rpc.JobInfo;
import io.weir.runtime.rpc.JobSubmission;
import io.weir.runtime.rpc.Message;
import io.weir.runtime.rpc.SubtaskPlacement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One job on the cluster: schedules each attempt into slots, deploys it, follows every subtask's
 * status, and decides the job's status. A failed subtask or a lost TaskManager stops the attempt
 * (the other subtasks are cancelled) and, once every subtask has stopped, the restart strategy
 * decides between a new attempt and failing the job. Each attempt has a checkpoint coordinator
 * ({@link AttemptCheckpoints}), started once every subtask runs; a new attempt restores from the
 * latest checkpoint completed before (else from what the job was submitted with: a savepoint, or
 * nothing). Every method runs on the JobManager's main thread except {@link #info()} and the
 * checkpoint acknowledgements, which may come from any thread.
 */
final class JobMaster {
  private static final Logger LOG = LoggerFactory.getLogger(JobMaster.class);
  /**
   * How long stopping subtasks may take to report their end before they are given up on: a
   * TaskManager that still heartbeats but never answers must not keep a job from restarting.
   */
  static final long STOP_TIMEOUT_MILLIS = 30_000;

  /** What a job master needs from the JobManager. */
  interface Host {
    SlotPool slots();

    ScheduledExecutorService main();

    Duration slotTimeout();

    void statusChanged(JobMaster job);

    void ended(JobMaster job);

    /** The single thread every checkpoint coordinator's decisions run on. */
    ScheduledExecutorService checkpointTimer();

    /** Where coordinators write metadata and delete files. */
    Executor checkpointIo();
  }

  private enum Stopping { NO, FAIL, CANCEL }

  private final String jobId;
  private final JobSubmission submission;
  private final JobJars jars;
  private final PhysicalGraph graph;
  private final Host host;
  private final long submittedAtMillis = System.currentTimeMillis();
  private final int slotsNeeded;
  private ExecutionStatus status = ExecutionStatus.CREATED;
  private int attempt;
  private int restarts;
  private String failure = "";
  private long endedAtMillis;
  private long scheduledAtNanos;
  private Stopping stopping = Stopping.NO;
  private List<SlotPool.Member> slots = List.of();
  /** Whether an attempt is deployed and not yet released: reports count only then. */
  private boolean live;
  private SubtaskTable subtasks;
  private volatile JobInfo info;
  private final JobCheckpointing checkpoints;

  /** {@code submission.jobName()} is resolved; the job owns {@code jars} and closes them when it ends. */
  JobMaster(String jobId, JobSubmission submission, JobJars jars, PhysicalGraph graph, Host host) {
    this(jobId, submission, jars, graph, host, null);
  }

  /** As above, the first attempt restoring {@code restore} (loaded from {@code submission.restorePath()}), or null. */
  JobMaster(String jobId, JobSubmission submission, JobJars jars, PhysicalGraph graph, Host host, RestorePlan restore) {
    this.jobId = jobId;
    this.checkpoints = new JobCheckpointing(jobId, submission, graph, restore);
    this.submission = submission;
    this.jars = jars;
    this.graph = graph;
    this.host = host;
    this.slotsNeeded = graph.tasks().stream().mapToInt(TaskSpec::parallelism).max().orElse(0);
    this.subtasks = new SubtaskTable(graph);
    publish();
  }

  String jobId() {
    return jobId;
  }

  JobInfo info() {
    JobInfo base = info;
    return new JobInfo(base.jobId(), base.jobName(), base.status(), base.attempt(), base.failure(), base.submittedAtMillis(),
        base.endedAtMillis(), base.tasks(), checkpoints.snapshot());
  }

  boolean isEnded() {
    return status.isTerminal();
  }

  void start() {
    LOG.info("Job {} ('{}') needs {} slots:\n{}", jobId, graph.plan().name(), slotsNeeded, graph.describe());
    schedule();
  }

  private void schedule() {
    setStatus(ExecutionStatus.SCHEDULED);
    scheduledAtNanos = System.nanoTime();
    tryDeploy();
  }

  /** Deploys if enough slots are free; otherwise keeps waiting until the slot timeout fails the job. */
  void tryDeploy() {
    if (status != ExecutionStatus.SCHEDULED) {
      return;
    }
    List<SlotPool.Member> taken = host.slots().allocate(slotsNeeded);
    if (taken == null) {
      if (System.nanoTime() - scheduledAtNanos > host.slotTimeout().toNanos()) {
        end(ExecutionStatus.FAILED, "not enough task slots: job '" + graph.plan().name() + "' needs " + slotsNeeded
            + " (its largest parallelism), but only " + host.slots().freeSlots() + " of " + host.slots().totalSlots()
            + " slots on " + host.slots().taskManagerCount() + " TaskManager(s) were free for " + host.slotTimeout().toSeconds() + " s");
      }
      return;
    }
    RestorePlan restore;
    try {
      restore = checkpoints.prepareAttempt();
    } catch (RuntimeException e) {
      host.slots().release(taken);
      String from = checkpoints.restorePath();
      end(ExecutionStatus.FAILED, "cannot start attempt " + (attempt + 1) + (from.isEmpty() ? "" : " from " + from) + ": "
          + e.getMessage());
      return;
    }
    slots = taken;
    subtasks = new SubtaskTable(graph);
    List<SubtaskPlacement> placements = new ArrayList<>();
    for (TaskSpec task : graph.tasks()) {
      for (int i = 0; i < task.parallelism(); i++) {
        SlotPool.Member slot = slots.get(i);
        placements.add(new SubtaskPlacement(task.index(), i, slot.info.taskManagerId(), slot.info.host(), slot.info.dataPort()));
        subtasks.place(task.index(), i, slot.info.taskManagerId());
      }
    }
    live = true;
    checkpoints.attemptDeployed(attempt, restore, slots, host.checkpointTimer(), host.checkpointIo());
    setStatus(ExecutionStatus.DEPLOYING);
    String restorePath = restore == null ? "" : checkpoints.restorePath();
    LOG.info("Deploying attempt {} of job {} to {}{}", attempt, jobId, subtasks.taskManagers(),
        restore == null ? "" : ", restoring " + restorePath);
    Message deploy = new Message.DeployAttempt(jobId, attempt, submission, placements, checkpoints.directory(), restorePath);
    for (SlotPool.Member member : distinct(slots)) {
      member.connection.send(deploy);
    }
  }

  void subtaskStatus(Message.SubtaskStatus update) {
    if (!live || update.attempt() != attempt || !subtasks.contains(update.task(), update.subtask())) {
      return; // a report of an earlier attempt, or of a subtask that never was
    }
    subtasks.update(update);
    ExecutionStatus reported = update.status();
    if (reported == ExecutionStatus.FAILED || (reported == ExecutionStatus.CANCELED && stopping == Stopping.NO)) {
      String name = graph.tasks().get(update.task()).subtaskName(update.subtask());
      stop(Stopping.FAIL, "subtask " + name + " " + reported.name().toLowerCase()
          + (update.failure().isEmpty() ? "" : ": " + update.failure()));
    } else if (stopping == Stopping.NO && status == ExecutionStatus.DEPLOYING && subtasks.allAtLeastRunning()) {
      setStatus(ExecutionStatus.RUNNING);
      checkpoints.attemptRunning(); // every source can be triggered now
    }
    if (reported == ExecutionStatus.FINISHED) {
      checkpoints.subtaskFinished(update.task(), update.subtask());
    }
    afterChange();
  }

  void taskManagerLost(String taskManagerId) {
    if (!live || !subtasks.taskManagers().contains(taskManagerId)) {
      return;
    }
    subtasks.lose(taskManagerId);
    stop(Stopping.FAIL, "TaskManager " + taskManagerId + " was lost");
    afterChange();
  }

  void cancel() {
    if (status.isTerminal() || stopping == Stopping.CANCEL) {
      return;
    }
    if (status == ExecutionStatus.SCHEDULED || status == ExecutionStatus.CREATED
        || (status == ExecutionStatus.RESTARTING && !live)) {
      end(ExecutionStatus.CANCELED, failure); // nothing runs: no subtask to wait for
      return;
    }
    LOG.info("Cancelling job {}", jobId);
    checkpoints.attemptStopped();
    stopping = Stopping.CANCEL;
    setStatus(ExecutionStatus.CANCELING);
    cancelSubtasks();
    afterChange();
  }

  /** Checks whether the attempt has ended, and acts on it. */
  private void afterChange() {
    if (!live || !subtasks.allEnded()) {
      publish();
      return;
    }
    if (stopping == Stopping.NO) {
      if (subtasks.allFinished()) {
        releaseAttempt();
        end(ExecutionStatus.FINISHED, "");
      }
      return;
    }
    releaseAttempt();
    if (stopping == Stopping.CANCEL) {
      end(ExecutionStatus.CANCELED, failure);
      return;
    }
    long delay = submission.restart().delayBeforeRestart(restarts + 1);
    if (delay < 0) {
      end(ExecutionStatus.FAILED, failure);
      return;
    }
    int stoppedAttempt = attempt;
    LOG.info("Restarting job {} in {} ms (restart {} under {}): {}", jobId, delay, restarts + 1, submission.restart(), failure);
    host.main().schedule(() -> {
      try {
        if (status == ExecutionStatus.RESTARTING && attempt == stoppedAttempt) {
          restarts++;
          attempt++;
          stopping = Stopping.NO;
          checkpoints.attemptScheduled();
          schedule();
        }
      } catch (RuntimeException | Error e) {
        LOG.error("Restarting job {} failed", jobId, e);
        end(ExecutionStatus.FAILED, "restarting failed: " + e);
      }
    }, delay, TimeUnit.MILLISECONDS);
  }

  private void stop(Stopping why, String cause) {
    if (stopping != Stopping.NO) {
      return; // the first cause wins; what follows is its consequence
    }
    stopping = why;
    failure = cause;
    checkpoints.attemptStopped();
    LOG.warn("Attempt {} of job {} failed: {}", attempt, jobId, cause);
    boolean restart = submission.restart().delayBeforeRestart(restarts + 1) >= 0;
    setStatus(restart ? ExecutionStatus.RESTARTING : status);
    cancelSubtasks();
  }

  private void cancelSubtasks() {
    int stoppingAttempt = attempt;
    host.main().schedule(() -> {
      if (live && attempt == stoppingAttempt && stopping != Stopping.NO && !subtasks.allEnded()) {
        LOG.warn("Subtasks of attempt {} of job {} did not stop within {} ms; giving up on them", attempt, jobId,
            STOP_TIMEOUT_MILLIS);
        subtasks.abandonUnfinished();
        afterChange();
      }
    }, STOP_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
    Message cancel = new Message.CancelAttempt(jobId, attempt);
    for (SlotPool.Member member : distinct(slots)) {
      if (host.slots().member(member.info.taskManagerId()) == member) {
        member.connection.send(cancel);
      }
    }
  }

  /** Frees the attempt's slots and tells its TaskManagers to drop what is left of it. */
  private void releaseAttempt() {
    checkpoints.attemptStopped();
    Message release = new Message.ReleaseAttempt(jobId, attempt);
    for (SlotPool.Member member : distinct(slots)) {
      if (host.slots().member(member.info.taskManagerId()) == member) {
        member.connection.send(release);
      }
    }
    host.slots().release(slots);
    slots = List.of();
    live = false;
  }

  private void end(ExecutionStatus terminal, String cause) {
    failure = cause;
    endedAtMillis = System.currentTimeMillis();
    if (!slots.isEmpty()) {
      releaseAttempt();
    }
    checkpoints.jobEnded();
    setStatus(terminal);
    LOG.info("Job {} ('{}') {} after {} attempt(s){}", jobId, graph.plan().name(), terminal, attempt + 1,
        cause.isEmpty() ? "" : ": " + cause);
    jars.close();
    host.ended(this);
  }

  /** Closes the job's class loader when the JobManager stops while it runs. */
  void closeJars() {
    jars.close();
  }

  private void setStatus(ExecutionStatus next) {
    boolean changed = next != status;
    status = next;
    publish();
    if (changed) {
      host.statusChanged(this);
    }
  }

  private void publish() {
    info = new JobInfo(jobId, graph.plan().name(), status, attempt, failure, submittedAtMillis, endedAtMillis,
        subtasks.summaries());
  }

  // ---- checkpoints ----

  /** A TaskManager's acknowledgement; any thread. */
  void acknowledge(int fromAttempt, SubtaskCheckpointAck ack) {
    checkpoints.acknowledge(fromAttempt, ack);
  }

  /** A TaskManager's decline; any thread. */
  void decline(Message.DeclineCheckpoint decline) {
    checkpoints.decline(decline);
  }

  /**
   * Takes a savepoint of the running attempt into {@code directory}; completes with it, or fails
   * saying why (not running, declined, timed out). {@code endsJob}: the caller cancels the job
   * after it, and no checkpoint starts after it.
   */
  CompletableFuture<CompletedCheckpoint> triggerSavepoint(String directory, boolean endsJob) {
    CompletableFuture<CompletedCheckpoint> savepoint = status == ExecutionStatus.RUNNING && stopping == Stopping.NO
        ? checkpoints.triggerSavepoint(directory, endsJob) : null;
    if (savepoint == null) {
      return CompletableFuture.failedFuture(new IllegalStateException("job " + jobId + " is " + status
          + ", not RUNNING: a savepoint needs every subtask running"));
    }
    return savepoint;
  }

  private static Set<SlotPool.Member> distinct(List<SlotPool.Member> slots) {
    return new LinkedHashSet<>(slots);
  }
}
