package io.weir.runtime.taskmanager;

import io.weir.runtime.checkpoint.CheckpointResponder;
import io.weir.runtime.checkpoint.CheckpointStorageAccess;
import io.weir.runtime.checkpoint.DirectoryCheckpointStorageAccess;
import io.weir.runtime.checkpoint.RestorePlan;
import io.weir.runtime.checkpoint.SubtaskCheckpointAck;
import io.weir.runtime.graph.PhysicalGraph;
import io.weir.runtime.graph.TaskSpec;
import io.weir.runtime.rpc.Message;
import io.weir.runtime.task.TaskCheckpointing;
import io.weir.runtime.wiring.SubtaskWiring;
import io.weir.state.snapshot.LocalDirectorySnapshotStorage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * How the subtasks of one attempt on this TaskManager take part in checkpoints: they acknowledge
 * and decline to the JobManager (tagged with job and attempt), write periodic checkpoints to the
 * job's checkpoint directory and savepoints to the directory each one names, run the asynchronous
 * part of their snapshots on a small executor of the attempt, and restore what the deployment
 * names (the same checkpoint for every process of the attempt). Close it when the attempt is released.
 */
final class SubtaskCheckpoints implements SubtaskWiring.Checkpointing, AutoCloseable {
  /** Snapshot writers per attempt: enough to overlap two subtasks' uploads, idle threads time out. */
  private static final int WRITER_THREADS = 2;

  private final CheckpointResponder responder;
  private final CheckpointStorageAccess storage;
  private final ThreadPoolExecutor writer;
  private final RestorePlan restore;

  /**
   * @param toJobManager sends a message to the JobManager (thread-safe)
   * @throws IOException when the checkpoint directory cannot be created
   * @throws IllegalArgumentException when what the deployment restores does not fit {@code graph}
   */
  SubtaskCheckpoints(Message.DeployAttempt deployment, PhysicalGraph graph, Consumer<Message> toJobManager)
      throws IOException {
    String jobId = deployment.jobId();
    int attempt = deployment.attempt();
    this.responder = new CheckpointResponder() {
      @Override
      public void acknowledge(SubtaskCheckpointAck ack) {
        toJobManager.accept(new Message.AcknowledgeCheckpoint(jobId, attempt, ack));
      }

      @Override
      public void decline(long checkpointId, int task, int subtask, String reason) {
        toJobManager.accept(new Message.DeclineCheckpoint(jobId, attempt, checkpointId, task, subtask, reason));
      }
    };
    String directory = deployment.checkpointDirectory();
    this.storage = new DirectoryCheckpointStorageAccess(
        directory.isEmpty() ? null : new LocalDirectorySnapshotStorage(Path.of(directory)));
    this.restore = deployment.restoreFrom().isEmpty() ? null
        : RestorePlan.load(Path.of(deployment.restoreFrom()), graph, deployment.submission().allowNonRestoredState());
    AtomicInteger count = new AtomicInteger();
    String name = "weir-snapshot-writer-" + jobId + "#" + attempt + "-";
    this.writer = new ThreadPoolExecutor(WRITER_THREADS, WRITER_THREADS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
        r -> {
          Thread thread = new Thread(r, name + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
    writer.allowCoreThreadTimeOut(true);
  }

  @Override
  public TaskCheckpointing of(TaskSpec task, int subtask) {
    return new TaskCheckpointing(responder, storage, writer, restore == null ? null : restore.forSubtask(task, subtask));
  }

  /** Declines for a subtask that cannot take its part (not running here, or its runner refused). */
  void decline(long checkpointId, int task, int subtask, String reason) {
    responder.decline(checkpointId, task, subtask, reason);
  }

  /** Stops the writers; snapshots still writing are abandoned (the attempt is over, the coordinator aborted them). */
  @Override
  public void close() {
    writer.shutdownNow();
  }
}
