package io.weir.runtime.checkpoint;

import io.weir.runtime.network.CheckpointBarrier;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Stands in for the subtasks: records every trigger and notification. Tests answer the barriers
 * themselves (acknowledge, decline, or stay silent) by taking them from {@link #nextBarrier}.
 */
final class FakeCheckpointTransport implements CheckpointTransport {
  record Trigger(int task, int subtask, CheckpointBarrier barrier, long atMillis) {}

  final List<Trigger> triggers = new CopyOnWriteArrayList<>();
  final List<Long> completed = new CopyOnWriteArrayList<>();
  final List<Long> aborted = new CopyOnWriteArrayList<>();
  final List<String> events = new CopyOnWriteArrayList<>();
  private final BlockingQueue<CheckpointBarrier> barriers = new LinkedBlockingQueue<>();
  private final int sourceSubtasks;

  /** {@code sourceSubtasks}: how many source subtasks the graph has; a barrier is handed out once all were triggered. */
  FakeCheckpointTransport(int sourceSubtasks) {
    this.sourceSubtasks = sourceSubtasks;
  }

  @Override
  public void triggerSource(int task, int subtask, CheckpointBarrier barrier) {
    triggers.add(new Trigger(task, subtask, barrier, System.currentTimeMillis()));
    if (triggers.stream().filter(t -> t.barrier().checkpointId() == barrier.checkpointId()).count() == sourceSubtasks) {
      barriers.add(barrier);
    }
  }

  @Override
  public void notifyComplete(long checkpointId) {
    completed.add(checkpointId);
    events.add("complete " + checkpointId);
  }

  @Override
  public void notifyAborted(long checkpointId) {
    aborted.add(checkpointId);
    events.add("abort " + checkpointId);
  }

  /** The barrier of the next triggered checkpoint; fails when none comes within 10 s. */
  CheckpointBarrier nextBarrier() throws InterruptedException {
    CheckpointBarrier barrier = barriers.poll(10, TimeUnit.SECONDS);
    if (barrier == null) {
      throw new AssertionError("no checkpoint was triggered within 10 s");
    }
    return barrier;
  }

  /** The next barrier if one is triggered within {@code millis}, else null. */
  CheckpointBarrier pollBarrier(long millis) throws InterruptedException {
    return barriers.poll(millis, TimeUnit.MILLISECONDS);
  }
}
