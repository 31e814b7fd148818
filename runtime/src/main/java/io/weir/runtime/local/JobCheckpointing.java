package io.weir.runtime.local;

import io.weir.runtime.checkpoint.CheckpointConfig;
import io.weir.runtime.checkpoint.CheckpointCoordinator;
import io.weir.runtime.checkpoint.CheckpointResponder;
import io.weir.runtime.checkpoint.CheckpointStats;
import io.weir.runtime.checkpoint.CheckpointTransport;
import io.weir.runtime.checkpoint.CompletedCheckpoint;
import io.weir.runtime.checkpoint.DirectoryCheckpointStorageAccess;
import io.weir.runtime.checkpoint.RestorePlan;
import io.weir.runtime.checkpoint.SubtaskCheckpointAck;
import io.weir.runtime.graph.PhysicalGraph;
import io.weir.runtime.graph.TaskSpec;
import io.weir.runtime.network.CheckpointBarrier;
import io.weir.runtime.task.SubtaskRunner;
import io.weir.runtime.task.TaskCheckpointing;
import io.weir.state.snapshot.LocalDirectorySnapshotStorage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checkpoints of one embedded job: its checkpoint directory ({@code <config.directory>/<jobName>-<startMillis>},
 * or a temporary directory owned and deleted by the job when the configuration names none), the
 * coordinator with a transport that calls the subtask runners directly, and what each subtask
 * needs to take part ({@link TaskCheckpointing}, with its share of the restore when resuming).
 */
final class JobCheckpointing implements CheckpointTransport, CheckpointResponder {
  private static final Logger LOG = LoggerFactory.getLogger(JobCheckpointing.class);
  private final String jobName;
  private final Path directory;
  private final boolean temporary;
  private final ScheduledExecutorService timer;
  private final ExecutorService io;
  private final ExecutorService writers;
  private final DirectoryCheckpointStorageAccess storageAccess;
  private final RestorePlan restore;
  private final CheckpointCoordinator coordinator;
  private volatile List<SubtaskRunner> runners = List.of();

  /**
   * @param restore what the job resumes from, or null to start empty
   * @param continueIn the checkpoint directory of earlier attempts of this job, which this attempt
   *     goes on in (ids continue, retained checkpoints stay shared); null for a new one
   */
  JobCheckpointing(String jobName, PhysicalGraph graph, CheckpointConfig config, RestorePlan restore, Path continueIn) {
    this.jobName = jobName;
    this.restore = restore;
    this.temporary = continueIn == null && config.directory().isEmpty();
    try {
      this.directory = continueIn != null ? Files.createDirectories(continueIn)
          : temporary ? Files.createTempDirectory("weir-checkpoints-")
          : freshDirectory(Files.createDirectories(Path.of(config.directory()).toAbsolutePath()), flat(jobName));
      LocalDirectorySnapshotStorage storage = new LocalDirectorySnapshotStorage(directory);
      this.storageAccess = new DirectoryCheckpointStorageAccess(storage);
      this.timer = Executors.newSingleThreadScheduledExecutor(threads("weir-checkpoint " + jobName));
      this.io = Executors.newSingleThreadExecutor(threads("weir-checkpoint-io " + jobName));
      this.writers = Executors.newFixedThreadPool(2, threads("weir-snapshot-writer " + jobName));
      this.coordinator = new CheckpointCoordinator(jobName, graph, config, storage, this, timer, io);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the checkpoint directory of job '" + jobName + "' under '"
          + config.directory() + "'", e);
    }
    if (restore != null) {
      coordinator.restoredFrom(restore);
    }
  }

  /** {@code <root>/<job>-<startMillis>}, created here: a job started in the same millisecond takes the next one. */
  private static Path freshDirectory(Path root, String job) throws IOException {
    for (long millis = System.currentTimeMillis(); ; millis++) {
      try {
        return Files.createDirectory(root.resolve(job + "-" + millis));
      } catch (java.nio.file.FileAlreadyExistsException taken) {
        // another run of the job started in the same millisecond
      }
    }
  }

  private static String flat(String name) {
    String flat = name.replaceAll("[^A-Za-z0-9._-]", "_");
    return flat.isEmpty() ? "job" : flat;
  }

  private static ThreadFactory threads(String name) {
    AtomicInteger count = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + " #" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** The job's checkpoint directory. */
  Path directory() {
    return directory;
  }

  /** What subtask {@code subtask} of {@code task} takes part in checkpoints with. */
  TaskCheckpointing forSubtask(TaskSpec task, int subtask) {
    return new TaskCheckpointing(this, storageAccess, writers, restore == null ? null : restore.forSubtask(task, subtask));
  }

  /** Starts periodic checkpoints once the runners exist (in the graph's task and subtask order). */
  void start(List<SubtaskRunner> runners) {
    this.runners = List.copyOf(runners);
    coordinator.start();
  }

  void subtaskFinished(SubtaskRunner runner) {
    coordinator.subtaskFinished(runner.setup().task().index(), runner.setup().subtaskIndex());
  }

  CompletableFuture<CompletedCheckpoint> triggerSavepoint(String directory) {
    CompletableFuture<CompletedCheckpoint> savepoint = coordinator.triggerSavepoint(directory);
    savepoint.whenComplete((done, failure) -> {
      if (done != null) {
        storageAccess.release(done.location());
      }
    });
    return savepoint;
  }

  CheckpointStats stats() {
    return coordinator.stats();
  }

  /** The newest completed checkpoint of this job's directory (one this attempt resumed from counts). */
  java.util.Optional<CompletedCheckpoint> latestCompleted() {
    return coordinator.latestCompleted();
  }

  /** Aborts pending checkpoints and starts no more (the job is cancelled or failing); idempotent. */
  void stop() {
    coordinator.stop();
  }

  /**
   * Stops checkpointing, waits for queued deletions, and removes a temporary checkpoint directory.
   * Runs on the last subtask's thread, which a cancel interrupted: the interrupt is set aside while
   * waiting (else no wait happens, and the end-of-job deletion never runs) and restored afterwards.
   */
  void close() {
    boolean interrupted = Thread.interrupted();
    try {
      closeUninterrupted();
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void closeUninterrupted() {
    coordinator.stop();
    if (!temporary) {
      coordinator.discardAbandonedCheckpoints(); // every subtask has ended: only restorable checkpoints stay
    }
    try {
      coordinator.cleanupIdle().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.warn("checkpoint cleanup of job '{}' still busy at its end", jobName, e);
    }
    timer.shutdownNow();
    io.shutdown();
    writers.shutdown();
    try {
      io.awaitTermination(10, TimeUnit.SECONDS);
      writers.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (temporary) {
      deleteRecursively(directory);
    }
  }

  static void deleteRecursively(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      LOG.warn("could not delete temporary checkpoint directory {}", root, e);
    }
  }

  // ---- transport: direct calls on this JVM's runners (they return at once) ----

  private SubtaskRunner runner(int task, int subtask) {
    for (SubtaskRunner runner : runners) {
      if (runner.setup().task().index() == task && runner.setup().subtaskIndex() == subtask) {
        return runner;
      }
    }
    throw new IllegalArgumentException("job '" + jobName + "' has no subtask " + subtask + " of task " + task);
  }

  @Override
  public void triggerSource(int task, int subtask, CheckpointBarrier barrier) {
    runner(task, subtask).triggerCheckpoint(barrier);
  }

  @Override
  public void notifyComplete(long checkpointId) {
    for (SubtaskRunner runner : runners) {
      runner.notifyCheckpointComplete(checkpointId);
    }
  }

  @Override
  public void notifyAborted(long checkpointId) {
    for (SubtaskRunner runner : runners) {
      runner.notifyCheckpointAborted(checkpointId);
    }
  }

  // ---- responder: straight to the coordinator (it hops onto its own thread) ----

  @Override
  public void acknowledge(SubtaskCheckpointAck ack) {
    coordinator.acknowledge(ack);
  }

  @Override
  public void decline(long checkpointId, int task, int subtask, String reason) {
    coordinator.decline(checkpointId, task, subtask, reason);
  }
}
