package io.weir.runtime.client;

import io.weir.runtime.local.JobHandle;
import io.weir.runtime.local.JobResult;
import io.weir.runtime.local.JobStatus;
import io.weir.runtime.local.LocalCluster;
import io.weir.runtime.local.RunOptions;
import io.weir.runtime.metrics.ProgressPrinter;
import io.weir.runtime.plan.JobCatalog;
import io.weir.runtime.plan.JobPlan;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * Runs a job found on the classpath in this JVM: what {@code mvn weir:run} starts in a forked JVM.
 * Prints progress lines and a summary table to standard output.
 *
 * <pre>
 * LocalJobRunner [--job NAME] [--parallelism N] [--vertex-parallelism NAME=N[,NAME=N]]... [--progress-interval MS]
 *                [--state-backend heap|rocksdb] [--checkpoint-interval DURATION] [--checkpoint-dir DIR]
 *                [--checkpointing-mode exactly-once|at-least-once] [--unaligned]
 *                [--from-savepoint PATH] [--allow-non-restored-state] [--restart STRATEGY] [--] PROGRAM_ARGS...
 * </pre>
 *
 * With {@code --checkpoint-interval} the job checkpoints periodically into
 * {@code <checkpoint-dir>/<job>-<startMillis>} (kept after the run, so a later run can resume from it
 * with {@code --from-savepoint}); without {@code --checkpoint-dir} into a temporary directory. With
 * {@code --restart} (as {@code weir submit} reads it) a failed job restarts by itself from its latest
 * completed checkpoint; without it the first failure ends the run.
 *
 * Exit codes: {@value #FINISHED} finished, {@value #FAILED} failed or cancelled (the failure, naming the
 * operator, and its cause's stack trace go to standard error), {@value #USAGE} bad usage (unknown
 * job, several jobs and no {@code --job}, malformed option, unknown state backend).
 */
public final class LocalJobRunner {
  public static final int FINISHED = 0;
  public static final int FAILED = 1;
  public static final int USAGE = 2;

  private LocalJobRunner() {}

  public static void main(String[] args) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    System.exit(run(args, loader != null ? loader : LocalJobRunner.class.getClassLoader(), System.out, System.err, true));
  }

  /**
   * Runs the command line and returns the exit code instead of exiting.
   *
   * @param cancelOnShutdown cancel the job when the JVM is asked to stop (Ctrl-C), so user objects get closed
   */
  public static int run(String[] args, ClassLoader classLoader, PrintStream out, PrintStream err, boolean cancelOnShutdown) {
    RunnerArguments arguments;
    JobPlan plan;
    try {
      arguments = RunnerArguments.parse(args);
    } catch (RunnerArguments.UsageException e) {
      err.println(e.getMessage());
      err.println(RunnerArguments.USAGE);
      return USAGE;
    }
    try {
      plan = JobCatalog.load(classLoader).job(arguments.job());
    } catch (IllegalArgumentException | IllegalStateException | java.util.ServiceConfigurationError e) {
      err.println(e.getMessage()); // unknown or ambiguous job, or a broken classpath: nothing was run
      return USAGE;
    }
    RunOptions.Builder options = RunOptions.builder()
        .parallelism(arguments.parallelism())
        .parameters(arguments.programArgs().toArray(new String[0]));
    arguments.vertexParallelism().forEach(options::parallelism);
    if (arguments.stateBackend() != null) {
      options.stateBackend(arguments.stateBackend()); // else the backend the job declares
    }
    if (arguments.checkpoint() != null) {
      options.checkpointing(arguments.checkpoint());
    }
    if (arguments.fromSavepoint() != null) {
      options.restoreFrom(java.nio.file.Path.of(arguments.fromSavepoint()))
          .allowNonRestoredState(arguments.allowNonRestoredState());
    }
    options.restartStrategy(arguments.restart());
    boolean printsProgress = arguments.progressIntervalMillis() > 0;
    if (printsProgress) {
      options.progressInterval(Duration.ofMillis(arguments.progressIntervalMillis())).progressListener(new ProgressPrinter(out));
    }
    JobHandle handle;
    try {
      handle = new LocalCluster().submit(plan, options.build());
    } catch (IllegalArgumentException | io.weir.state.snapshot.SnapshotCorruptedException
        | java.io.UncheckedIOException e) { // an invalid option, or a restore that does not fit or is damaged
      err.println("Cannot run job '" + plan.name() + "': " + e.getMessage());
      return USAGE;
    }
    if (arguments.checkpoint() != null && !arguments.checkpoint().directory().isEmpty()) {
      handle.checkpointDirectory().ifPresent(dir -> out.println("Checkpoints of job '" + plan.name() + "' go to " + dir));
    }
    Thread hook = cancelOnShutdown ? new Thread(() -> cancelAndWait(handle), "weir-shutdown") : null;
    if (hook != null) {
      Runtime.getRuntime().addShutdownHook(hook);
    }
    JobResult result = awaitUninterruptibly(handle);
    if (hook != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running or has run; nothing to undo
      }
    }
    if (!printsProgress) {
      out.print(ProgressPrinter.summary(result));
    }
    out.flush();
    if (result.status() == JobStatus.FINISHED) {
      return FINISHED;
    }
    report(result, err);
    return FAILED;
  }

  private static JobResult awaitUninterruptibly(JobHandle handle) {
    while (true) {
      try {
        return handle.await();
      } catch (InterruptedException e) {
        handle.cancel();
      }
    }
  }

  private static void cancelAndWait(JobHandle handle) {
    handle.cancel();
    try {
      handle.await(Duration.ofSeconds(10));
    } catch (InterruptedException | TimeoutException e) {
      // the JVM is going down regardless
    }
  }

  private static void report(JobResult result, PrintStream err) {
    Throwable failure = result.failure();
    if (failure == null) {
      err.println("Job '" + result.jobName() + "' was " + result.status().name().toLowerCase());
      return;
    }
    err.println("Job '" + result.jobName() + "' failed: " + failure.getMessage());
    Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
    cause.printStackTrace(err);
    List<Throwable> suppressed = List.of(failure.getSuppressed());
    for (Throwable s : suppressed) {
      err.println("Also: " + s);
    }
    err.flush();
  }
}
