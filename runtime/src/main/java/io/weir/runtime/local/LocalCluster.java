package io.weir.runtime.local;

import io.weir.runtime.plan.JobPlan;

/**
 * Runs jobs inside this JVM, each subtask on its own thread. Holds no resources of its own: every
 * job brings its threads and buffers and releases them when it ends.
 *
 * <pre>{@code
 * JobResult result = new LocalCluster().run(plan, RunOptions.builder().parallelism(4).build());
 * }</pre>
 */
public final class LocalCluster {

  /** Runs a bounded job to its end with default options. */
  public JobResult run(JobPlan plan) {
    return run(plan, RunOptions.defaults());
  }

  /**
   * Runs a bounded job to its end and returns how it ended; a job failure is reported in the
   * result, not thrown (see {@link JobResult#orThrow()}). An invalid plan or option throws
   * {@link IllegalArgumentException} before anything runs. If the calling thread is interrupted,
   * the job is cancelled and its (cancelled) result returned with the interrupt flag kept.
   */
  public JobResult run(JobPlan plan, RunOptions options) {
    JobHandle handle = submit(plan, options);
    try {
      return handle.await();
    } catch (InterruptedException e) {
      handle.cancel();
      JobResult result = handle.result().join();
      Thread.currentThread().interrupt();
      return result;
    }
  }

  /** Starts a job and returns at once; the handle follows, awaits or cancels it. */
  public JobHandle submit(JobPlan plan, RunOptions options) {
    if (options.restartStrategy().kind() != io.weir.runtime.rpc.RestartStrategy.Kind.NONE) {
      RestartingJob job = new RestartingJob(plan, options);
      job.start();
      return job;
    }
    JobExecution execution = new JobExecution(plan, options);
    execution.start();
    return execution;
  }
}
