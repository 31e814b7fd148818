package io.weir.runtime.local;

import java.util.function.Supplier;
import java.util.function.Function;
import io.weir.runtime.checkpoint.CheckpointAbortedException;
import io.weir.runtime.checkpoint.CheckpointConfig;
import io.weir.runtime.checkpoint.CheckpointStats;
import io.weir.runtime.checkpoint.CompletedCheckpoint;
import io.weir.runtime.checkpoint.RestorePlan;
import io.weir.runtime.graph.PhysicalGraph;
import io.weir.runtime.graph.TaskSpec;
import io.weir.runtime.metrics.RecordCounter;
import io.weir.runtime.metrics.SubtaskMetrics;
import io.weir.runtime.metrics.TaskMetrics;
import io.weir.runtime.metrics.VertexMetrics;
import io.weir.runtime.network.BufferPool;
import io.weir.runtime.network.InputGate;
import io.weir.runtime.plan.JobPlan;
import io.weir.runtime.plan.VertexKind;
import io.weir.runtime.plan.VertexPlan;
import io.weir.runtime.task.SubtaskListener;
import io.weir.runtime.task.SubtaskRunner;
import io.weir.runtime.task.SubtaskSetup;
import io.weir.runtime.wiring.SubtaskWiring;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running job: a thread per subtask, the job's timer, and the coordination of its end. The
 * first failure wins: it becomes the job's failure and every other subtask is cancelled (flag,
 * pool and gate cancelled so no wait can hang, thread interrupted); what the cancelled subtasks
 * throw afterwards is a consequence, not a cause, and is dropped. The last subtask to end builds
 * the result.
 */
final class JobExecution implements JobHandle, SubtaskListener {
  private static final Logger LOG = LoggerFactory.getLogger(JobExecution.class);

  private final JobPlan plan;
  private final RunOptions options;
  private final PhysicalGraph graph;
  private final JobStateBackend stateBackend;
  private final JobWiring wiring;
  private final JobCheckpointing checkpointing; // null when the job takes no part in checkpoints
  private final List<SubtaskRunner> runners = new ArrayList<>();
  private final List<Thread> threads = new ArrayList<>();
  private final CompletableFuture<JobResult> result = new CompletableFuture<>();
  private final long startNanos;
  private JobTimer timer;
  private int remaining;
  private JobStatus ending = JobStatus.RUNNING; // FAILED or CANCELED once the job started to stop early
  private Throwable failure;

  JobExecution(JobPlan plan, RunOptions options) {
    this(plan, options, null, null);
  }

  /**
   * An attempt of a job that may restart ({@link RestartingJob}).
   *
   * @param checkpointDirectory the checkpoint directory to go on in (earlier attempts', or one made
   *     for all of them); null makes a new one as {@link RunOptions.Builder#checkpointing} says
   * @param restart for a restarted attempt, the checkpoint it resumes from (null: nothing) given
   *     its graph; null for a first attempt, which resumes from {@link RunOptions#restoreFrom()}
   */
  JobExecution(JobPlan plan, RunOptions options, Path checkpointDirectory,
      Function<PhysicalGraph, RestorePlan> restart) {
    this.plan = plan;
    this.options = options;
    this.graph = PhysicalGraph.build(plan, options.graphOptions());
    // a restore that does not fit fails here, before anything is created
    RestorePlan restore = restart != null ? restart.apply(graph)
        : options.restoreFrom() == null ? null
        : RestorePlan.load(options.restoreFrom(), graph, options.allowNonRestoredState());
    CheckpointConfig config = options.checkpointing() != null ? options.checkpointing()
        : restore != null ? CheckpointConfig.disabled() : null;
    this.stateBackend = JobStateBackend.resolve(plan, options);
    try {
      this.checkpointing = config == null ? null
          : new JobCheckpointing(plan.name(), graph, config, restore, checkpointDirectory);
    } catch (RuntimeException e) {
      stateBackend.close();
      throw e;
    }
    try {
      this.wiring = new JobWiring(graph, options, stateBackend.backend(),
          checkpointing == null ? SubtaskWiring.Checkpointing.NONE : checkpointing::forSubtask);
    } catch (RuntimeException e) {
      if (checkpointing != null) {
        checkpointing.close();
      }
      stateBackend.close();
      throw e;
    }
    for (SubtaskSetup setup : wiring.setups) {
      SubtaskRunner runner = SubtaskRunner.create(setup, this, options.bufferTimeout().isZero());
      runners.add(runner);
      threads.add(new Thread(runner, runner.name()));
    }
    this.remaining = runners.size();
    this.startNanos = System.nanoTime();
  }

  void start() {
    LOG.info("Starting job '{}' with {} state:\n{}", plan.name(), stateBackend.backend().name(), graph.describe());
    timer = new JobTimer(this, options, runners);
    if (threads.isEmpty()) {
      complete(); // a plan without vertices has nothing to run
      return;
    }
    for (Thread thread : threads) {
      thread.start();
    }
    if (checkpointing != null) {
      checkpointing.start(runners);
    }
  }

  @Override
  public void subtaskFinished(SubtaskRunner subtask, Throwable error) {
    boolean last;
    boolean firstFailure = false;
    synchronized (this) {
      if (error != null) {
        if (ending == JobStatus.RUNNING) {
          firstFailure = true;
          LOG.debug("Subtask {} failed; cancelling job '{}'", subtask.name(), plan.name(), error);
          ending = JobStatus.FAILED;
          failure = error;
          cancelAll();
        } else {
          LOG.debug("Subtask {} ended with {} while job '{}' was stopping", subtask.name(), error, plan.name());
        }
      }
      last = --remaining == 0;
    }
    if (checkpointing != null) {
      if (firstFailure) {
        checkpointing.stop(); // pending checkpoints abort as the job's, not as a finished subtask's
      }
      checkpointing.subtaskFinished(subtask); // no checkpoint can complete without it
    }
    if (last) {
      complete();
    }
  }

  @Override
  public void cancel() {
    synchronized (this) {
      if (ending != JobStatus.RUNNING || remaining == 0) {
        return;
      }
      LOG.info("Cancelling job '{}'", plan.name());
      ending = JobStatus.CANCELED;
    }
    if (checkpointing != null) {
      checkpointing.stop(); // before the subtasks end, so pending checkpoints abort as cancelled
    }
    synchronized (this) {
      cancelAll();
    }
  }

  private void cancelAll() {
    for (SubtaskRunner runner : runners) {
      runner.cancel();
    }
    SubtaskWiring.cancelBuffersAndGates(wiring.pools, wiring.gates);
    for (Thread thread : threads) {
      if (thread != Thread.currentThread()) {
        thread.interrupt();
      }
    }
  }

  /** Runs in the last subtask's thread, after every subtask thread has done its work. */
  private void complete() {
    completeEvenIfTeardownFails(result, this::tearDown, this::teardownFailed);
  }

  /**
   * Completes {@code result} with what {@code tearDown} returns or, should tearing down throw (a
   * class that no longer loads, a backend that fails to close), with {@code onFailure}'s result:
   * whatever happens here, callers awaiting the job must not wait forever.
   */
  static void completeEvenIfTeardownFails(
      CompletableFuture<JobResult> result, Supplier<JobResult> tearDown, Function<Throwable, JobResult> onFailure) {
    JobResult jobResult;
    try {
      jobResult = tearDown.get();
    } catch (Throwable error) {
      try {
        jobResult = onFailure.apply(error);
      } catch (Throwable second) {
        error.addSuppressed(second);
        result.completeExceptionally(error);
        return;
      }
    }
    result.complete(jobResult);
  }

  private JobResult teardownFailed(Throwable error) {
    LOG.error("Tearing down job '{}' failed", plan.name(), error);
    if (checkpointing != null) {
      try {
        checkpointing.close();
      } catch (RuntimeException e) {
        error.addSuppressed(e);
      }
    }
    Throwable cause;
    synchronized (this) {
      cause = failure;
    }
    if (cause == null) {
      cause = error;
    } else {
      cause.addSuppressed(error);
    }
    Duration duration = Duration.ofNanos(System.nanoTime() - startNanos);
    return new JobResult(plan.name(), JobStatus.FAILED, duration, List.of(), List.of(), cause);
  }

  private JobResult tearDown() {
    JobStatus status;
    Throwable cause;
    synchronized (this) {
      status = ending == JobStatus.RUNNING ? JobStatus.FINISHED : ending;
      cause = failure;
    }
    Duration duration = Duration.ofNanos(System.nanoTime() - startNanos);
    for (Thread thread : threads) {
      if (thread != Thread.currentThread()) {
        joinQuietly(thread); // their last act was to report; joining makes their counts visible
      }
    }
    timer.stop();
    CheckpointStats checkpoints = CheckpointStats.NONE;
    if (checkpointing != null) {
      checkpointing.close(); // after the subtasks: nothing acknowledges any more
      checkpoints = checkpointing.stats();
    }
    stateBackend.close(); // every subtask has closed its state by now
    JobResult jobResult = new JobResult(plan.name(), status, duration, metrics(), taskMetrics(), cause, checkpoints);
    LOG.info("Job '{}' {} after {} ms", plan.name(), status, duration.toMillis());
    timer.finished(jobResult);
    return jobResult;
  }

  private static void joinQuietly(Thread thread) {
    boolean interrupted = false;
    while (true) {
      try {
        thread.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  Duration elapsed() {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  @Override
  public String jobName() {
    return plan.name();
  }

  @Override
  public PhysicalGraph graph() {
    return graph;
  }

  @Override
  public JobStatus status() {
    JobResult done = result.getNow(null);
    return done == null ? JobStatus.RUNNING : done.status();
  }

  @Override
  public JobResult await() throws InterruptedException {
    try {
      return result.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("the job ended but could not be torn down", e.getCause());
    }
  }

  @Override
  public JobResult await(Duration timeout) throws InterruptedException, TimeoutException {
    try {
      return result.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException("the job ended but could not be torn down", e.getCause());
    } catch (TimeoutException e) {
      throw new TimeoutException("job '" + plan.name() + "' still running after " + timeout.toMillis() + " ms");
    }
  }

  @Override
  public CompletableFuture<JobResult> result() {
    return result;
  }

  @Override
  public CompletableFuture<CompletedCheckpoint> triggerSavepoint(String directory) {
    if (checkpointing == null) {
      return CompletableFuture.failedFuture(new CheckpointAbortedException(0, "job '" + plan.name()
          + "' was started without checkpointing; run it with RunOptions.checkpointing(...) to take savepoints"));
    }
    return checkpointing.triggerSavepoint(directory);
  }

  @Override
  public CheckpointStats checkpointStats() {
    return checkpointing == null ? CheckpointStats.NONE : checkpointing.stats();
  }

  /** The newest completed checkpoint this attempt knows of (its own, or the one it resumed from here). */
  java.util.Optional<CompletedCheckpoint> latestCompletedCheckpoint() {
    return checkpointing == null ? java.util.Optional.empty() : checkpointing.latestCompleted();
  }

  @Override
  public java.util.Optional<java.nio.file.Path> checkpointDirectory() {
    return checkpointing == null ? java.util.Optional.empty() : java.util.Optional.of(checkpointing.directory());
  }

  @Override
  public List<VertexMetrics> metrics() {
    List<VertexMetrics> list = new ArrayList<>();
    for (VertexPlan v : plan.vertices()) {
      RecordCounter[] in = wiring.in.get(v.id());
      RecordCounter[] out = wiring.out.get(v.id());
      List<SubtaskMetrics> subtasks = new ArrayList<>();
      for (int i = 0; i < out.length; i++) {
        long recordsIn = v.kind() == VertexKind.SOURCE ? 0 : in[i].get();
        long recordsOut = v.kind() == VertexKind.SINK ? 0 : out[i].get();
        subtasks.add(new SubtaskMetrics(i, recordsIn, recordsOut));
      }
      list.add(new VertexMetrics(v.name(), v.kind(), out.length, subtasks));
    }
    return list;
  }

  @Override
  public List<TaskMetrics> taskMetrics() {
    List<TaskMetrics> list = new ArrayList<>();
    for (TaskSpec task : graph.tasks()) {
      int capacity = 0;
      int maxInUse = 0;
      long waits = 0;
      int maxQueued = 0;
      for (BufferPool pool : wiring.pools.get(task)) {
        if (pool != null) {
          capacity = Math.max(capacity, pool.capacity());
          maxInUse = Math.max(maxInUse, pool.maxInUse());
          waits += pool.waits();
        }
      }
      InputGate[] gates = wiring.gates.get(task);
      if (gates != null) {
        for (InputGate gate : gates) {
          maxQueued = Math.max(maxQueued, gate.maxQueued());
        }
      }
      list.add(new TaskMetrics(task.name(), task.parallelism(), capacity, maxInUse, waits, maxQueued));
    }
    return list;
  }
}
