package io.weir.runtime.task;

import io.weir.api.JobParameters;
import io.weir.runtime.checkpoint.CheckpointOptions;
import io.weir.runtime.checkpoint.CheckpointResponder;
import io.weir.runtime.checkpoint.SubtaskCheckpointAck;
import io.weir.runtime.graph.GraphOptions;
import io.weir.runtime.graph.PhysicalGraph;
import io.weir.runtime.graph.TaskSpec;
import io.weir.runtime.network.CheckpointBarrier;
import io.weir.runtime.plan.JobPlan;
import io.weir.runtime.wiring.BufferSettings;
import io.weir.runtime.wiring.ChannelLayout;
import io.weir.runtime.wiring.SubtaskWiring;
import io.weir.state.backend.StateBackend;
import io.weir.state.heap.HeapStateBackend;
import io.weir.state.snapshot.SnapshotStorage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;

/**
 * A job run by hand for checkpoint tests, standing in for the coordinator: its subtasks run on
 * their own threads with checkpointing wired in (one storage, one writer thread), the test
 * triggers checkpoints at the sources and notifies completion, and the acknowledgements are
 * turned into the {@link SubtaskRestore}s a second job resumes from.
 */
final class CheckpointedJob implements AutoCloseable {
  final PhysicalGraph graph;
  private final SnapshotStorage storage;
  private final ExecutorService writer = Executors.newSingleThreadExecutor();
  private final List<SubtaskRunner> runners = new ArrayList<>();
  private final List<Thread> threads = new ArrayList<>();
  private final SubtaskWiring wiring;
  final Map<Long, List<SubtaskCheckpointAck>> acks = new ConcurrentHashMap<>();
  final List<String> declines = new java.util.concurrent.CopyOnWriteArrayList<>();
  final Map<String, Throwable> failures = new ConcurrentHashMap<>();
  /** Subtasks (task index, subtask) whose storage access fails while this holds for them; none by default. */
  volatile BiPredicate<Integer, Integer> storageFails = (task, subtask) -> false;

  /** @param restore what each subtask resumes from (null for none) */
  CheckpointedJob(JobPlan plan, String[] parameters, SnapshotStorage storage, BufferSettings buffers,
      BiFunction<TaskSpec, Integer, SubtaskRestore> restore) {
    this(plan, parameters, storage, buffers, restore, new HeapStateBackend());
  }

  /** As above, with keyed state in {@code backend}. */
  CheckpointedJob(JobPlan plan, String[] parameters, SnapshotStorage storage, BufferSettings buffers,
      BiFunction<TaskSpec, Integer, SubtaskRestore> restore, StateBackend backend) {
    this.graph = PhysicalGraph.build(plan, GraphOptions.defaults());
    this.storage = storage;
    CheckpointResponder responder = new CheckpointResponder() {
      @Override
      public void acknowledge(SubtaskCheckpointAck ack) {
        acks.computeIfAbsent(ack.checkpointId(), id -> new java.util.concurrent.CopyOnWriteArrayList<>())
            .add(ack);
      }

      @Override
      public void decline(long checkpointId, int task, int subtask, String reason) {
        declines.add(checkpointId + " " + task + "/" + subtask + ": " + reason);
      }
    };
    this.wiring = new SubtaskWiring(new ChannelLayout(graph), buffers, JobParameters.of(parameters),
        backend, SubtaskWiring.Placement.ALL_LOCAL, SubtaskWiring.RemoteTargets.NONE, null,
        SubtaskSetup.DEFAULT_WATERMARK_INTERVAL,
        (task, subtask) -> new TaskCheckpointing(responder, options -> {
          if (storageFails.test(task.index(), subtask)) {
            throw new IOException("checkpoint storage unavailable (test)");
          }
          return storage;
        }, writer, restore.apply(task, subtask)));
    for (SubtaskSetup setup : wiring.setups) {
      SubtaskRunner runner = SubtaskRunner.create(setup, (r, failure) -> {
        if (failure != null) {
          failures.put(r.name(), failure);
        }
      }, false);
      runners.add(runner);
      threads.add(new Thread(runner, runner.name()));
    }
  }

  void start() {
    threads.forEach(Thread::start);
  }

  List<SubtaskRunner> runners() {
    return List.copyOf(runners);
  }

  int subtaskCount() {
    return runners.size();
  }

  /**
   * Triggers checkpoint {@code id} at every source subtask, as the coordinator does, but one after
   * the other: the next source only {@code staggerMillis} after the previous one answered (its
   * barrier is out by then). The barriers thus reach each consumer far apart however busy the
   * machine is, so alignment has records to hold back (or, unaligned, to record).
   */
  void trigger(long id, CheckpointOptions options, long staggerMillis) throws InterruptedException {
    boolean first = true;
    for (SubtaskRunner runner : runners) {
      if (runner.setup().task().isSource()) {
        if (!first) {
          Thread.sleep(staggerMillis);
        }
        first = false;
        runner.triggerCheckpoint(new CheckpointBarrier(id, System.currentTimeMillis(), options));
        awaitAnswer(id, runner.setup().task().index(), runner.setup().subtaskIndex());
      }
    }
  }

  /** Waits until subtask {@code subtask} of task {@code task} acknowledged or declined checkpoint {@code id}. */
  private void awaitAnswer(long id, int task, int subtask) throws InterruptedException {
    String declined = id + " " + task + "/" + subtask + ":";
    while (acks.getOrDefault(id, List.of()).stream().noneMatch(a -> a.task() == task && a.subtask() == subtask)
        && declines.stream().noneMatch(d -> d.startsWith(declined))) {
      if (!failures.isEmpty()) {
        throw new AssertionError("a subtask failed: " + failures);
      }
      Thread.sleep(1);
    }
  }

  /** Whether every subtask's thread has ended. */
  boolean finished() {
    return threads.stream().noneMatch(Thread::isAlive);
  }

  /** Waits until every subtask acknowledged checkpoint {@code id}; fails on a decline or a failed subtask. */
  List<SubtaskCheckpointAck> awaitAcks(long id) throws InterruptedException {
    return awaitAcks(id, false);
  }

  /** As {@link #awaitAcks(long)}, tolerating declines (of earlier checkpoints a test made fail). */
  List<SubtaskCheckpointAck> awaitAcksDespiteDeclines(long id) throws InterruptedException {
    return awaitAcks(id, true);
  }

  private List<SubtaskCheckpointAck> awaitAcks(long id, boolean declinesExpected) throws InterruptedException {
    while (true) {
      List<SubtaskCheckpointAck> got = acks.getOrDefault(id, List.of());
      if (got.size() == subtaskCount()) {
        return List.copyOf(got);
      }
      if ((!declinesExpected && !declines.isEmpty()) || !failures.isEmpty()) {
        throw new AssertionError("checkpoint " + id + " did not complete: declines " + declines + ", failures "
            + failures);
      }
      Thread.sleep(5);
    }
  }

  void notifyComplete(long id) {
    runners.forEach(r -> r.notifyCheckpointComplete(id));
  }

  /** Waits for every subtask to end, normally or not. */
  void join() throws InterruptedException {
    for (Thread t : threads) {
      t.join();
    }
  }

  /** Cancels every subtask as the embedded job does (flag, pools and gates, interrupt) and waits for them. */
  @Override
  public void close() throws InterruptedException {
    runners.forEach(SubtaskRunner::cancel);
    wiring.cancelBuffersAndGates();
    threads.forEach(Thread::interrupt);
    join();
    writer.shutdownNow();
  }

  /** What subtask {@code subtask} of {@code task} resumes from after checkpoint {@code id}, given its acks. */
  static SubtaskRestore restoreFrom(long id, List<SubtaskCheckpointAck> acks, SnapshotStorage storage,
      TaskSpec task, int subtask) {
    Map<String, List<String>> keyed = new TreeMap<>();
    Map<String, List<String>> operator = new TreeMap<>();
    List<String> channels = new ArrayList<>();
    for (SubtaskCheckpointAck ack : acks) {
      ack.keyedManifests().forEach((v, name) -> keyed.computeIfAbsent(v, k -> new ArrayList<>()).add(name));
      ack.operatorManifests().forEach((v, name) -> operator.computeIfAbsent(v, k -> new ArrayList<>()).add(name));
      if (ack.task() == task.index() && ack.subtask() == subtask && !ack.channelState().isEmpty()) {
        channels.add(ack.channelState());
      }
    }
    return new SubtaskRestore(id, storage, keyed, new OperatorStateRestore(storage, operator), channels);
  }
}
