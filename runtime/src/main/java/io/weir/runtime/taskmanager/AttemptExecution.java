package io.weir.runtime.taskmanager;

import io.weir.api.JobParameters;
import io.weir.runtime.blob.BlobKey;
import io.weir.runtime.blob.JobJars;
import io.weir.runtime.graph.PhysicalGraph;
import io.weir.runtime.graph.TaskSpec;
import io.weir.runtime.local.JobStateBackend;
import io.weir.runtime.local.RunOptions;
import io.weir.runtime.network.BufferPool;
import io.weir.runtime.plan.JobPlan;
import io.weir.runtime.rpc.ExecutionStatus;
import io.weir.runtime.rpc.JobSubmission;
import io.weir.runtime.rpc.Message;
import io.weir.runtime.rpc.RpcConnection;
import io.weir.runtime.rpc.SubtaskPlacement;
import io.weir.runtime.task.SubtaskListener;
import io.weir.runtime.task.SubtaskRunner;
import io.weir.runtime.task.SubtaskSetup;
import io.weir.runtime.wiring.BufferSettings;
import io.weir.runtime.wiring.ChannelLayout;
import io.weir.runtime.wiring.SubtaskWiring;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The subtasks one TaskManager runs for one attempt of a job. Deploying fetches the jars, loads the
 * plan in a class loader of the attempt's own, builds the same physical graph as every other
 * process (same plan, same options), wires the local subtasks (local consumers through their
 * gates, remote ones through the data plane) and starts a thread per subtask. Each subtask's start
 * and end is reported to the JobManager. Checkpoint triggers go to the source subtask they name,
 * notifications to every subtask ({@link SubtaskCheckpoints} wires acknowledgements, storage and the
 * restore). Cancel stops them the way the embedded runtime does (flag, pools and gates cancelled,
 * threads interrupted); release frees everything of the attempt.
 */
final class AttemptExecution implements SubtaskListener {
  private static final Logger LOG = LoggerFactory.getLogger(AttemptExecution.class);
  private static final long JOIN_MILLIS = 10_000;
  /** How often running subtasks report their figures (records in, buffers) to the JobManager. */
  private static final long METRICS_MILLIS = 1_000;

  private final Message.DeployAttempt deployment;
  private final String taskManagerId;
  private final TaskDataPlane dataPlane;
  private final Consumer<Message> reporter;
  private final ScheduledExecutorService timer;
  private final List<SubtaskPlacement> mine = new ArrayList<>();
  private final Map<Long, SubtaskPlacement> placements = new HashMap<>();
  private final List<SubtaskRunner> runners = new ArrayList<>();
  private final List<Thread> threads = new ArrayList<>();
  private final List<AutoCloseable> registrations = new ArrayList<>();
  private JobJars jars;
  private SubtaskCheckpoints checkpoints;
  /** The started runners by subtask key, for checkpoint messages arriving on the connection's event loop. */
  private volatile Map<Long, SubtaskRunner> runnerBySubtask = Map.of();
  private JobStateBackend stateBackend;
  private SubtaskWiring wiring;
  private ScheduledFuture<?> flusher;
  private ScheduledFuture<?> metrics;
  private final Set<SubtaskRunner> ended = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private boolean cancelled;
  private boolean started;

  AttemptExecution(Message.DeployAttempt deployment, String taskManagerId, TaskDataPlane dataPlane,
      Consumer<Message> reporter, ScheduledExecutorService timer) {
    this.deployment = deployment;
    this.taskManagerId = taskManagerId;
    this.dataPlane = dataPlane;
    this.reporter = reporter;
    this.timer = timer;
    for (SubtaskPlacement p : deployment.placements()) {
      placements.put(key(p.task(), p.subtask()), p);
      if (p.taskManagerId().equals(taskManagerId)) {
        mine.add(p);
      }
    }
  }

  String name() {
    return deployment.jobId() + "#" + deployment.attempt();
  }

  /** Builds and starts this TaskManager's subtasks; any failure is reported for each of them. */
  void deploy(BlobCache cache, RpcConnection jobManager) {
    try {
      JobSubmission submission = deployment.submission();
      List<Path> paths = new ArrayList<>();
      for (String key : submission.jarKeys()) {
        paths.add(cache.get(new BlobKey(key), jobManager));
      }
      RunOptions options = runOptions(submission);
      synchronized (this) {
        if (cancelled) {
          reportAll(ExecutionStatus.CANCELED, "");
          return;
        }
        jars = JobJars.open("weir-job-" + name(), paths);
        JobPlan plan = jars.plan(submission.jobName());
        PhysicalGraph graph = PhysicalGraph.build(plan, submission.graphOptions());
        stateBackend = JobStateBackend.resolve(plan, options);
        checkpoints = new SubtaskCheckpoints(deployment, graph, reporter);
        connectPeers();
        wiring = new SubtaskWiring(new ChannelLayout(graph),
            new BufferSettings(options.bufferSize(), options.buffersPerChannel(), options.floatingBuffers()),
            options.parameters(), stateBackend.backend(), this::isLocal,
            (task, subtask, channel) -> dataPlane.remoteTarget(placement(task.index(), subtask), deployment.jobId(),
                deployment.attempt(), task.name(), subtask, channel),
            null, SubtaskSetup.DEFAULT_WATERMARK_INTERVAL, checkpoints);
        for (SubtaskSetup setup : wiring.setups) {
          registerRemoteChannels(setup);
          SubtaskRunner runner = SubtaskRunner.create(setup, this, false);
          Thread thread = new Thread(runner, runner.name() + " [" + name() + "]");
          thread.setContextClassLoader(jars.classLoader());
          runners.add(runner);
          threads.add(thread);
        }
        Map<Long, SubtaskRunner> bySubtask = new HashMap<>();
        runners.forEach(r -> bySubtask.put(key(r.setup().task().index(), r.setup().subtaskIndex()), r));
        runnerBySubtask = Map.copyOf(bySubtask);
        started = true;
        threads.forEach(Thread::start);
        long flushNanos = options.bufferTimeout().toNanos();
        flusher = timer.scheduleWithFixedDelay(() -> runners.forEach(SubtaskRunner::requestFlush),
            flushNanos, flushNanos, TimeUnit.NANOSECONDS);
        metrics = timer.scheduleWithFixedDelay(this::reportRunning, METRICS_MILLIS, METRICS_MILLIS, TimeUnit.MILLISECONDS);
      }
      LOG.info("Attempt {} of job '{}': started {} subtask(s)", name(), submission.jobName(), runners.size());
      for (SubtaskRunner runner : runners) {
        report(runner.setup(), ExecutionStatus.RUNNING, "");
      }
    } catch (Throwable e) {
      LOG.warn("Deploying attempt {} failed", name(), e);
      synchronized (this) {
        if (started) {
          return; // the subtasks report for themselves
        }
      }
      reportAll(ExecutionStatus.FAILED, "deployment on TaskManager " + taskManagerId + " failed: " + describe(e));
    }
  }

  private static RunOptions runOptions(JobSubmission submission) {
    RunOptions.Builder builder = RunOptions.builder().parameters(JobParameters.of(submission.arguments()));
    if (!submission.stateBackend().isEmpty()) {
      builder.stateBackend(submission.stateBackend());
    }
    return builder.build();
  }

  private void connectPeers() {
    Set<String> done = new java.util.HashSet<>();
    for (SubtaskPlacement p : deployment.placements()) {
      if (!p.taskManagerId().equals(taskManagerId) && done.add(p.taskManagerId())) {
        dataPlane.ensureConnected(p);
      }
    }
  }

  private void registerRemoteChannels(SubtaskSetup setup) {
    if (setup.gate() == null) {
      return;
    }
    Set<Integer> remote = wiring.remoteChannels(setup.task(), setup.subtaskIndex());
    if (!remote.isEmpty()) {
      registrations.add(dataPlane.registerGate(deployment.jobId(), deployment.attempt(), setup.task().name(),
          setup.subtaskIndex(), remote, setup.gate()));
    }
  }

  private boolean isLocal(int task, int subtask) {
    return placement(task, subtask).taskManagerId().equals(taskManagerId);
  }

  private SubtaskPlacement placement(int task, int subtask) {
    SubtaskPlacement p = placements.get(key(task, subtask));
    if (p == null) {
      throw new IllegalStateException("the deployment of " + name() + " places no subtask " + subtask + " of task " + task
          + ": the JobManager and this TaskManager built different graphs");
    }
    return p;
  }

  /** The figures of every subtask still running; the JobManager ignores one that arrives after the end. */
  private void reportRunning() {
    try {
      for (SubtaskRunner runner : runners) {
        if (!ended.contains(runner)) {
          report(runner.setup(), ExecutionStatus.RUNNING, "");
        }
      }
    } catch (RuntimeException e) { // keep reporting: an exception would end the schedule
      LOG.warn("Reporting the figures of attempt {} failed", name(), e);
    }
  }

  @Override
  public void subtaskFinished(SubtaskRunner subtask, Throwable failure) {
    ended.add(subtask);
    boolean wasCancelled;
    synchronized (this) {
      wasCancelled = cancelled;
    }
    ExecutionStatus status = failure == null ? ExecutionStatus.FINISHED
        : wasCancelled ? ExecutionStatus.CANCELED : ExecutionStatus.FAILED;
    if (status == ExecutionStatus.FAILED) {
      LOG.warn("Subtask {} of attempt {} failed", subtask.name(), name(), failure);
    }
    report(subtask.setup(), status, status == ExecutionStatus.FAILED ? describe(failure) : "");
  }

  /**
   * Hands a checkpoint trigger to the source subtask it names; declines for it when that subtask does
   * not run here (yet), or refuses. Returns at once: called on the connection's event loop.
   */
  void triggerCheckpoint(Message.TriggerCheckpoint trigger) {
    SubtaskRunner runner = runnerBySubtask.get(key(trigger.task(), trigger.subtask()));
    SubtaskCheckpoints participation = checkpoints;
    if (runner == null || participation == null) {
      reporter.accept(new Message.DeclineCheckpoint(deployment.jobId(), deployment.attempt(), trigger.checkpointId(),
          trigger.task(), trigger.subtask(), "subtask " + trigger.subtask() + " of task " + trigger.task()
              + " is not running on TaskManager " + taskManagerId));
      return;
    }
    try {
      runner.triggerCheckpoint(trigger.barrier());
    } catch (RuntimeException e) {
      participation.decline(trigger.checkpointId(), trigger.task(), trigger.subtask(), describe(e));
    }
  }

  /** Tells every subtask of the attempt here that a checkpoint completed ({@code complete}) or was aborted. */
  void notifyCheckpoint(long checkpointId, boolean complete) {
    for (SubtaskRunner runner : runnerBySubtask.values()) {
      try {
        if (complete) {
          runner.notifyCheckpointComplete(checkpointId);
        } else {
          runner.notifyCheckpointAborted(checkpointId);
        }
      } catch (RuntimeException e) {
        LOG.warn("Subtask {} of attempt {} could not take the {} of checkpoint {}", runner.name(), name(),
            complete ? "completion" : "abort", checkpointId, e);
      }
    }
  }

  /** Stops every subtask of the attempt here; they report CANCELED as they end. */
  void cancel() {
    synchronized (this) {
      if (cancelled) {
        return;
      }
      cancelled = true;
      if (!started) {
        return; // deploy() sees the flag
      }
    }
    LOG.info("Cancelling attempt {}", name());
    runners.forEach(SubtaskRunner::cancel);
    wiring.cancelBuffersAndGates();
    threads.forEach(Thread::interrupt);
  }

  /** Frees everything of the attempt; blocks until its threads have ended (bounded). Not on an event loop. */
  void release() {
    cancel(); // a no-op for subtasks that have ended; stops a deployment still fetching jars
    List<Thread> toJoin;
    synchronized (this) {
      toJoin = List.copyOf(threads);
    }
    for (Thread thread : toJoin) {
      try {
        thread.join(JOIN_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    if (flusher != null) {
      flusher.cancel(false);
      metrics.cancel(false);
    }
    for (AutoCloseable registration : registrations) {
      try {
        registration.close();
      } catch (Exception e) {
        LOG.debug("closing a gate registration of {} failed", name(), e);
      }
    }
    dataPlane.releaseJob(deployment.jobId(), deployment.attempt());
    if (checkpoints != null) {
      checkpoints.close();
    }
    if (stateBackend != null) {
      stateBackend.close();
    }
    if (jars != null) {
      jars.close();
    }
    LOG.info("Released attempt {}", name());
  }

  private void reportAll(ExecutionStatus status, String failure) {
    for (SubtaskPlacement p : mine) {
      reporter.accept(new Message.SubtaskStatus(deployment.jobId(), deployment.attempt(), p.task(), p.subtask(), status,
          failure, 0, 0, 0, 0));
    }
  }

  private void report(SubtaskSetup setup, ExecutionStatus status, String failure) {
    BufferPool pool = setup.pool();
    long recordsIn = setup.task().isSource() ? 0 : setup.headInCounter().get();
    reporter.accept(new Message.SubtaskStatus(deployment.jobId(), deployment.attempt(), setup.task().index(),
        setup.subtaskIndex(), status, failure, recordsIn, pool == null ? 0 : pool.maxInUse(),
        pool == null ? 0 : pool.capacity(), pool == null ? 0 : pool.waits()));
  }

  /** The exception and its causes on one line, e.g. for the JobManager's failure report. */
  static String describe(Throwable error) {
    StringBuilder text = new StringBuilder(error.toString());
    for (Throwable cause = error.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
      text.append("; caused by ").append(cause);
      if (text.length() > 4000) {
        break;
      }
    }
    return text.toString();
  }

  private static long key(int task, int subtask) {
    return ((long) task << 32) | (subtask & 0xffffffffL);
  }
}
