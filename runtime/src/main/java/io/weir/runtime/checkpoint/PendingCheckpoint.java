package io.weir.runtime.checkpoint;

import io.weir.runtime.checkpoint.CheckpointMetadata.SubtaskState;
import io.weir.runtime.checkpoint.CheckpointMetadata.VertexState;
import io.weir.runtime.graph.PhysicalGraph;
import io.weir.runtime.graph.TaskSpec;
import io.weir.runtime.plan.VertexPlan;
import io.weir.state.snapshot.SnapshotStorage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

/**
 * A checkpoint triggered but not yet complete: collects one acknowledgement per subtask of every
 * task and, when the last arrives, assembles the metadata. Confined to the coordinator's thread.
 */
final class PendingCheckpoint {
  private final long id;
  private final CheckpointOptions options;
  private final long triggerMillis;
  private final PhysicalGraph graph;
  private final SnapshotStorage storage;
  private final String location;
  private final SubtaskCheckpointAck[][] acks;
  private final Set<Long> retainedAtTrigger;
  private final CompletableFuture<CompletedCheckpoint> result = new CompletableFuture<>();
  private int missing;
  private boolean finalizing;
  private ScheduledFuture<?> timeout;

  /**
   * @param storage where its metadata goes (the job's checkpoint storage, or the savepoint's)
   * @param retainedAtTrigger completed checkpoints retained when it was triggered: its incremental
   *     snapshots may reference their files, so they are not deleted while it is pending
   */
  PendingCheckpoint(long id, CheckpointOptions options, long triggerMillis, PhysicalGraph graph, SnapshotStorage storage,
      String location, Set<Long> retainedAtTrigger) {
    this.id = id;
    this.options = options;
    this.triggerMillis = triggerMillis;
    this.graph = graph;
    this.storage = storage;
    this.location = location;
    this.retainedAtTrigger = Set.copyOf(retainedAtTrigger);
    this.acks = new SubtaskCheckpointAck[graph.tasks().size()][];
    for (TaskSpec task : graph.tasks()) {
      acks[task.index()] = new SubtaskCheckpointAck[task.parallelism()];
      missing += task.parallelism();
    }
  }

  long id() {
    return id;
  }

  CheckpointOptions options() {
    return options;
  }

  long triggerMillis() {
    return triggerMillis;
  }

  SnapshotStorage storage() {
    return storage;
  }

  String location() {
    return location;
  }

  Set<Long> retainedAtTrigger() {
    return retainedAtTrigger;
  }

  CompletableFuture<CompletedCheckpoint> result() {
    return result;
  }

  int subtasks() {
    return acks.length == 0 ? 0 : java.util.Arrays.stream(acks).mapToInt(a -> a.length).sum();
  }

  int acknowledged() {
    return subtasks() - missing;
  }

  boolean isFullyAcknowledged() {
    return missing == 0;
  }

  /** All acks are in and the metadata is being written: neither timeouts nor declines abort it any more. */
  boolean isFinalizing() {
    return finalizing;
  }

  void startFinalizing() {
    finalizing = true;
    cancelTimeout();
  }

  void setTimeout(ScheduledFuture<?> timeout) {
    this.timeout = timeout;
  }

  void cancelTimeout() {
    if (timeout != null) {
      timeout.cancel(false);
    }
  }

  /** Whether {@code subtask} of {@code task} is part of this checkpoint. */
  boolean expects(int task, int subtask) {
    return task >= 0 && task < acks.length && subtask >= 0 && subtask < acks[task].length;
  }

  /**
   * Records {@code ack}; returns a reason to abort the checkpoint when the ack cannot be right (it
   * names vertices its task does not have), otherwise null. Duplicates are ignored.
   */
  String acknowledge(SubtaskCheckpointAck ack) {
    TaskSpec task = graph.tasks().get(ack.task());
    for (String vertex : ack.keyedManifests().keySet()) {
      if (task.vertices().stream().noneMatch(v -> v.id().equals(vertex))) {
        return "subtask " + task.subtaskName(ack.subtask()) + " acknowledged keyed state of vertex " + vertex
            + ", which is not in its task";
      }
    }
    for (String vertex : ack.operatorManifests().keySet()) {
      if (task.vertices().stream().noneMatch(v -> v.id().equals(vertex))) {
        return "subtask " + task.subtaskName(ack.subtask()) + " acknowledged operator state of vertex " + vertex
            + ", which is not in its task";
      }
    }
    if (acks[ack.task()][ack.subtask()] == null) {
      acks[ack.task()][ack.subtask()] = ack;
      missing--;
    }
    return null;
  }

  /** The acknowledgements received so far. */
  List<SubtaskCheckpointAck> receivedAcks() {
    List<SubtaskCheckpointAck> received = new ArrayList<>();
    for (SubtaskCheckpointAck[] task : acks) {
      for (SubtaskCheckpointAck ack : task) {
        if (ack != null) {
          received.add(ack);
        }
      }
    }
    return received;
  }

  /** Up to {@code limit} subtasks that have not acknowledged, for timeout messages. */
  List<String> missingSubtasks(int limit) {
    List<String> names = new ArrayList<>();
    for (TaskSpec task : graph.tasks()) {
      for (int s = 0; s < task.parallelism() && names.size() < limit; s++) {
        if (acks[task.index()][s] == null) {
          names.add(task.subtaskName(s));
        }
      }
    }
    return names;
  }

  /** The metadata of the checkpoint; every subtask must have acknowledged. */
  CheckpointMetadata metadata(long completedMillis) {
    if (missing != 0) {
      throw new IllegalStateException("checkpoint " + id + " still misses " + missing + " acknowledgements");
    }
    List<VertexState> vertices = new ArrayList<>();
    for (TaskSpec task : graph.tasks()) {
      for (VertexPlan vertex : task.vertices()) {
        boolean head = vertex == task.head();
        List<SubtaskState> subtasks = new ArrayList<>(task.parallelism());
        for (SubtaskCheckpointAck ack : acks[task.index()]) {
          subtasks.add(new SubtaskState(ack.keyedManifests().getOrDefault(vertex.id(), ""),
              ack.operatorManifests().getOrDefault(vertex.id(), ""), head ? ack.channelState() : "",
              head ? ack.metrics() : SubtaskCheckpointMetrics.NONE));
        }
        vertices.add(new VertexState(vertex.id(), vertex.name(), task.parallelism(), head, subtasks));
      }
    }
    return new CheckpointMetadata(graph.plan().name(), id, options.type(), triggerMillis, completedMillis,
        graph.plan().maxParallelism(), vertices);
  }
}
