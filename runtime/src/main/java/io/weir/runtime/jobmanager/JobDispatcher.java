package io.weir.runtime.jobmanager;

import io.weir.runtime.blob.BlobKey;
import io.weir.runtime.blob.BlobStore;
import io.weir.runtime.blob.JobJars;
import io.weir.runtime.checkpoint.RestorePlan;
import io.weir.runtime.graph.PhysicalGraph;
import io.weir.runtime.local.StateBackends;
import io.weir.runtime.plan.JobPlan;
import io.weir.runtime.rpc.JobInfo;
import io.weir.runtime.rpc.JobSubmission;
import io.weir.runtime.rpc.Message;
import io.weir.runtime.rpc.Message.TaskManagerInfo;
import io.weir.runtime.rpc.RpcConnection;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JobManager's jobs: accepts submissions, runs a {@link JobMaster} per job on one main thread
 * (so job state needs no locks), keeps a bounded history of ended jobs, tells following clients
 * about status changes, and feeds the masters TaskManager arrivals, losses and subtask reports.
 */
final class JobDispatcher implements JobMaster.Host, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(JobDispatcher.class);
  private static final Duration MAIN_THREAD_CALL_TIMEOUT = Duration.ofSeconds(10);
  /** Jobs loading at once; more submissions queue. Two: one slow job does not hold up every other. */
  private static final int LOADER_THREADS = 2;

  private final BlobStore blobs;
  private final Duration slotTimeout;
  private final int historySize;
  private final SlotPool slots = new SlotPool();
  private final ScheduledExecutorService main = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "weir-jobmanager-main");
    thread.setDaemon(true);
    return thread;
  });
  /** Every known job, running or in the history; read from any thread. */
  private final Map<String, JobMaster> jobs = new ConcurrentHashMap<>();
  private final Map<String, JobMaster> running = new LinkedHashMap<>();
  private final Deque<JobMaster> history = new ArrayDeque<>();
  private final Map<String, List<RpcConnection>> followers = new LinkedHashMap<>();
  /** Loads submitted jobs (jars, plans: user code) off the event loops and off the main thread. */
  private final ExecutorService loader = Executors.newFixedThreadPool(LOADER_THREADS, new ThreadFactory() {
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable r) {
      Thread thread = new Thread(r, "weir-jobmanager-loader-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    }
  });

  /** Decisions of every job's checkpoint coordinator: one thread, as each coordinator needs a single one. */
  private final ScheduledExecutorService checkpointTimer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "weir-jobmanager-checkpoints");
    thread.setDaemon(true);
    return thread;
  });
  /** Writing checkpoint metadata and deleting old checkpoints, off the coordinator thread. */
  private final ExecutorService checkpointIo = Executors.newFixedThreadPool(2, r -> {
    Thread thread = new Thread(r, "weir-jobmanager-checkpoint-io");
    thread.setDaemon(true);
    return thread;
  });

  JobDispatcher(BlobStore blobs, Duration slotTimeout, int historySize) {
    this.blobs = blobs;
    this.slotTimeout = slotTimeout;
    this.historySize = historySize;
    // waiting jobs also deploy when slots free up; this tick enforces their timeout
    main.scheduleWithFixedDelay(guarded(this::tryDeployWaiting), 1, 1, TimeUnit.SECONDS);
  }

  /**
   * Loads and checks the job on a loader thread (its jars, its plan: user code, possibly slow),
   * then starts it. Completes with the job id, or exceptionally if it cannot run. Never blocks the
   * caller, which is a connection's event loop.
   */
  CompletableFuture<String> submit(JobSubmission submission) {
    CompletableFuture<String> submitted = new CompletableFuture<>();
    try {
      loader.execute(() -> {
        try {
          submitted.complete(load(submission));
        } catch (Throwable e) {
          submitted.completeExceptionally(e);
        }
      });
    } catch (RejectedExecutionException e) {
      submitted.completeExceptionally(new IllegalStateException("the JobManager is shutting down", e));
    }
    return submitted;
  }

  private String load(JobSubmission submission) throws IOException {
    if (!submission.stateBackend().isEmpty()) {
      StateBackends.requireKnown(submission.stateBackend());
    }
    List<Path> jars = new ArrayList<>();
    for (String key : submission.jarKeys()) {
      BlobKey blobKey = new BlobKey(key);
      jars.add(blobs.get(blobKey).orElseThrow(() -> new NoSuchFileException("jar " + blobKey + " was not uploaded")));
    }
    String jobId = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    JobJars jobJars = JobJars.open("weir-job-" + jobId, jars);
    JobMaster master;
    try {
      JobPlan plan = jobJars.plan(submission.jobName());
      PhysicalGraph graph = PhysicalGraph.build(plan, submission.graphOptions());
      // a savepoint that does not fit the job is the submitter's problem: refuse it now, not in the first attempt
      RestorePlan restore = submission.restorePath().isEmpty() ? null
          : RestorePlan.load(Path.of(submission.restorePath()), graph, submission.allowNonRestoredState());
      master = new JobMaster(jobId, submission.withJobName(plan.name()), jobJars, graph, this, restore);
    } catch (LinkageError | java.util.ServiceConfigurationError e) {
      // a class missing from the jars (a dependency not submitted, say): the submitter's problem, not a crash
      jobJars.close();
      throw new IllegalArgumentException("cannot load the job from the submitted jars: " + e
          + (e.getCause() != null ? " (" + e.getCause() + ")" : ""), e);
    } catch (RuntimeException | Error e) {
      jobJars.close();
      throw e;
    }
    jobs.put(jobId, master);
    try {
      post(() -> {
        running.put(jobId, master);
        master.start();
      });
    } catch (RejectedExecutionException e) {
      jobs.remove(jobId);
      master.closeJars(); // the JobManager closed while this job loaded
      throw new IllegalStateException("the JobManager is shutting down", e);
    }
    return jobId;
  }

  JobInfo status(String jobId) {
    return job(jobId).info();
  }

  /** Every known job, oldest submission first. */
  List<JobInfo> list() {
    List<JobInfo> infos = new ArrayList<>();
    jobs.values().forEach(job -> infos.add(job.info()));
    infos.sort(java.util.Comparator.comparingLong(JobInfo::submittedAtMillis).thenComparing(JobInfo::jobId));
    return infos;
  }

  /** Completes with the job's status right after asking it to cancel. */
  CompletableFuture<JobInfo> cancel(String jobId) {
    JobMaster job = job(jobId);
    return onMain(() -> {
      job.cancel();
      return job.info();
    });
  }

  /**
   * Registers {@code connection} for the job's status changes; completes with its status now (a
   * push may overtake this reply: clients ignore replies older than a push they saw).
   */
  CompletableFuture<JobInfo> follow(String jobId, RpcConnection connection) {
    JobMaster job = job(jobId);
    return onMain(() -> {
      if (!job.isEnded()) {
        followers.computeIfAbsent(jobId, id -> new ArrayList<>()).add(connection);
      }
      return job.info();
    });
  }

  /**
   * Takes a savepoint of a running job; completes with its directory once complete and, with
   * {@code cancelAfter}, after the job was asked to cancel.
   */
  CompletableFuture<String> savepoint(String jobId, String directory, boolean cancelAfter) {
    JobMaster job = job(jobId);
    return onMain(() -> job.triggerSavepoint(directory, cancelAfter)).thenCompose(future -> future).thenCompose(done -> {
      if (!cancelAfter) {
        return CompletableFuture.completedFuture(done.location());
      }
      return onMain(() -> {
        job.cancel();
        return done.location();
      });
    });
  }

  /** Routed straight to the job's current coordinator, which is thread-safe: acknowledgements never wait for the main thread. */
  void acknowledge(Message.AcknowledgeCheckpoint ack) {
    JobMaster job = jobs.get(ack.jobId());
    if (job != null) {
      job.acknowledge(ack.attempt(), ack.ack());
    }
  }

  void decline(Message.DeclineCheckpoint decline) {
    JobMaster job = jobs.get(decline.jobId());
    if (job != null) {
      job.decline(decline);
    }
  }

  void subtaskStatus(Message.SubtaskStatus update) {
    post(() -> {
      JobMaster job = running.get(update.jobId());
      if (job != null) {
        job.subtaskStatus(update);
      }
    });
  }

  void taskManagerRegistered(TaskManagerInfo info, RpcConnection connection) {
    post(() -> {
      slots.add(info, connection);
      tryDeployWaiting();
    });
  }

  void connectionClosed(RpcConnection connection) {
    post(() -> {
      followers.values().forEach(list -> list.remove(connection));
      String lost = slots.removeByConnection(connection);
      if (lost != null) {
        for (JobMaster job : new ArrayList<>(running.values())) {
          job.taskManagerLost(lost);
        }
      }
    });
  }

  /** Runs {@code task} on the main thread; a bug in it is logged instead of silently lost in a future. */
  private void post(Runnable task) {
    main.execute(guarded(task));
  }

  private static Runnable guarded(Runnable task) {
    return () -> {
      try {
        task.run();
      } catch (RuntimeException | Error e) {
        LOG.error("JobManager main thread task failed", e);
      }
    };
  }

  private void tryDeployWaiting() {
    for (JobMaster job : new ArrayList<>(running.values())) {
      job.tryDeploy();
    }
  }

  private JobMaster job(String jobId) {
    JobMaster job = jobs.get(jobId);
    if (job == null) {
      throw new IllegalArgumentException("no job " + jobId + " on this JobManager");
    }
    return job;
  }

  /**
   * Runs {@code call} on the main thread without waiting for it; the result fails with "busy" if the
   * main thread has not run it within {@link #MAIN_THREAD_CALL_TIMEOUT}.
   */
  private <T> CompletableFuture<T> onMain(Supplier<T> call) {
    CompletableFuture<T> result = new CompletableFuture<>();
    try {
      main.execute(() -> {
        try {
          result.complete(call.get());
        } catch (Throwable e) {
          result.completeExceptionally(e);
        }
      });
    } catch (RejectedExecutionException e) {
      result.completeExceptionally(new IllegalStateException("the JobManager is shutting down", e));
      return result;
    }
    CompletableFuture<T> answered = new CompletableFuture<>();
    result.orTimeout(MAIN_THREAD_CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).whenComplete((value, failure) -> {
      if (failure == null) {
        answered.complete(value);
      } else if (failure instanceof TimeoutException) {
        answered.completeExceptionally(new IllegalStateException("the JobManager is busy; try again", failure));
      } else {
        answered.completeExceptionally(failure);
      }
    });
    return answered;
  }

  @Override
  public SlotPool slots() {
    return slots;
  }

  @Override
  public ScheduledExecutorService main() {
    return main;
  }

  @Override
  public Duration slotTimeout() {
    return slotTimeout;
  }

  @Override
  public ScheduledExecutorService checkpointTimer() {
    return checkpointTimer;
  }

  @Override
  public java.util.concurrent.Executor checkpointIo() {
    return checkpointIo;
  }

  @Override
  public void statusChanged(JobMaster job) {
    JobInfo info = job.info();
    LOG.info("Job {} is {}", info.jobId(), info.status());
    Message change = new Message.JobStatusChanged(info);
    for (RpcConnection connection : followers.getOrDefault(job.jobId(), List.of())) {
      connection.send(change);
    }
  }

  @Override
  public void ended(JobMaster job) {
    followers.remove(job.jobId());
    running.remove(job.jobId());
    history.addLast(job);
    while (history.size() > historySize) {
      jobs.remove(history.removeFirst().jobId());
    }
    tryDeployWaiting(); // its slots are free now
  }

  /** Stops the main thread and closes the class loaders of jobs still running (their TaskManagers see the JobManager go). */
  @Override
  public void close() {
    loader.shutdownNow();
    try {
      main.submit(() -> running.values().forEach(JobMaster::closeJars)).get(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException | java.util.concurrent.RejectedExecutionException e) {
      LOG.warn("Could not close the class loaders of running jobs", e);
    }
    main.shutdownNow();
    checkpointTimer.shutdownNow();
    checkpointIo.shutdownNow();
  }
}
