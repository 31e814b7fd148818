package io.weir.runtime.jobmanager;

import io.weir.runtime.checkpoint.CheckpointConfig;
import io.weir.runtime.checkpoint.CheckpointCoordinator;
import io.weir.runtime.checkpoint.CheckpointStats;
import io.weir.runtime.checkpoint.CheckpointTransport;
import io.weir.runtime.checkpoint.CompletedCheckpoint;
import io.weir.runtime.checkpoint.RestorePlan;
import io.weir.runtime.checkpoint.SubtaskCheckpointAck;
import io.weir.runtime.graph.PhysicalGraph;
import io.weir.runtime.network.CheckpointBarrier;
import io.weir.runtime.rpc.Message;
import io.weir.runtime.rpc.RpcConnection;
import io.weir.state.snapshot.SnapshotStorage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The checkpoint coordinator of one attempt of a job on the cluster, with its transport: triggers
 * go as {@link Message.TriggerCheckpoint} to the TaskManager of each source subtask, notifications
 * to every TaskManager of the attempt, all tagged with the attempt so that a TaskManager never
 * hands them to the subtasks of another. The coordinator is stopped with its attempt; what it
 * completed outlives it in {@link CheckpointHistory} and as the next attempt's restore.
 */
final class AttemptCheckpoints {
  private final int attempt;
  private final boolean periodic;
  private final CheckpointCoordinator coordinator;

  /**
   * @param checkpointStorage the job's checkpoint directory, or null when the job takes only savepoints
   * @param restored what this attempt starts from, or null when it starts empty
   * @param bySubtask the connection of the TaskManager running each subtask, by {@link #key}
   * @param taskManagers the connections of every TaskManager of the attempt, once each
   */
  AttemptCheckpoints(String jobId, int attempt, PhysicalGraph graph, CheckpointConfig config,
      SnapshotStorage checkpointStorage, RestorePlan restored, Map<Long, RpcConnection> bySubtask,
      List<RpcConnection> taskManagers, ScheduledExecutorService timer, Executor io) {
    this.attempt = attempt;
    this.periodic = config.periodic();
    CheckpointTransport transport = new CheckpointTransport() {
      @Override
      public void triggerSource(int task, int subtask, CheckpointBarrier barrier) {
        RpcConnection connection = bySubtask.get(key(task, subtask));
        if (connection == null) {
          throw new IllegalStateException("attempt " + attempt + " of job " + jobId + " places no subtask " + subtask
              + " of task " + task);
        }
        connection.send(new Message.TriggerCheckpoint(jobId, attempt, task, subtask, barrier.checkpointId(),
            barrier.timestampMillis(), barrier.options()));
      }

      @Override
      public void notifyComplete(long checkpointId) {
        Message notify = new Message.NotifyCheckpointComplete(jobId, attempt, checkpointId);
        taskManagers.forEach(c -> c.send(notify));
      }

      @Override
      public void notifyAborted(long checkpointId) {
        Message notify = new Message.NotifyCheckpointAborted(jobId, attempt, checkpointId);
        taskManagers.forEach(c -> c.send(notify));
      }
    };
    this.coordinator = new CheckpointCoordinator(graph.plan().name(), graph, config, checkpointStorage, transport, timer, io);
    if (restored != null) {
      coordinator.restoredFrom(restored);
    }
  }

  static long key(int task, int subtask) {
    return ((long) task << 32) | (subtask & 0xffffffffL);
  }

  int attempt() {
    return attempt;
  }

  /**
   * Begins periodic checkpoints, if the job takes them: once every subtask of the attempt runs, so
   * that triggers find their sources. Savepoints need no start.
   */
  void start() {
    if (periodic) {
      coordinator.start();
    }
  }

  /** Aborts what is pending and triggers no more; waits (bounded) for the coordinator's thread. */
  void stop() {
    coordinator.stop();
  }

  void acknowledge(SubtaskCheckpointAck ack) {
    coordinator.acknowledge(ack);
  }

  void decline(long checkpointId, int task, int subtask, String reason) {
    coordinator.decline(checkpointId, task, subtask, reason);
  }

  void subtaskFinished(int task, int subtask) {
    coordinator.subtaskFinished(task, subtask);
  }

  CompletableFuture<CompletedCheckpoint> triggerSavepoint(String directory, boolean endsJob) {
    return endsJob ? coordinator.triggerFinalSavepoint(directory) : coordinator.triggerSavepoint(directory);
  }

  /** Once the job ended: deletes the files of checkpoints that are not retained (aborted, interrupted). */
  void discardAbandoned() {
    coordinator.discardAbandonedCheckpoints();
  }

  Optional<CompletedCheckpoint> latestCompleted() {
    return coordinator.latestCompleted();
  }

  CheckpointStats stats() {
    return coordinator.stats();
  }
}
