package io.weir.runtime.wiring;

import io.weir.api.JobParameters;
import io.weir.runtime.graph.PhysicalEdge;
import io.weir.runtime.graph.PhysicalGraph;
import io.weir.runtime.graph.TaskSpec;
import io.weir.runtime.metrics.RecordCounter;
import io.weir.runtime.network.BroadcastRecordWriter;
import io.weir.runtime.network.BufferPool;
import io.weir.runtime.network.ChannelTarget;
import io.weir.runtime.network.ForwardRecordWriter;
import io.weir.runtime.network.HashRecordWriter;
import io.weir.runtime.network.InputGate;
import io.weir.runtime.network.RecordWriter;
import io.weir.runtime.network.RoundRobinRecordWriter;
import io.weir.runtime.plan.Partitioning;
import io.weir.runtime.plan.VertexPlan;
import io.weir.runtime.task.OperatorStateRestore;
import io.weir.runtime.task.SubtaskSetup;
import io.weir.state.backend.StateBackend;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Creates the runtime side of the subtasks of a physical graph that run in this process, before
 * any thread starts: record counters, an input gate per consuming subtask, a buffer pool per
 * producing subtask, and a record writer per producing subtask and network edge. A channel whose
 * consumer runs here goes straight into its gate; one whose consumer runs elsewhere goes to the
 * target {@link RemoteTargets} gives (the data plane). The embedded runtime places every subtask here.
 */
public final class SubtaskWiring {
  /** Whether subtask {@code subtask} of the task with index {@code task} runs in this process. */
  @FunctionalInterface
  public interface Placement {
    Placement ALL_LOCAL = (task, subtask) -> true;

    boolean isLocal(int task, int subtask);
  }

  /** The sender side of a channel whose consumer runs in another process. */
  @FunctionalInterface
  public interface RemoteTargets {
    RemoteTargets NONE = (task, subtask, channel) -> {
      throw new IllegalStateException("subtask " + task.subtaskName(subtask) + " runs elsewhere, but this process has no data plane");
    };

    ChannelTarget target(TaskSpec consumerTask, int consumerSubtask, int channelIndex);
  }

  /** How each local subtask takes part in checkpoints; null (or a null result) for none. */
  @FunctionalInterface
  public interface Checkpointing {
    Checkpointing NONE = (task, subtask) -> null;

    io.weir.runtime.task.TaskCheckpointing of(TaskSpec task, int subtask);
  }

  private final PhysicalGraph graph;
  private final ChannelLayout layout;
  private final BufferSettings buffers;
  private final Placement placement;
  private final RemoteTargets remote;
  /** Records out per vertex id and subtask. */
  private final OperatorStateRestore operatorStateRestore;
  private final Duration watermarkInterval;
  private final Checkpointing checkpointing;
  public final Map<String, RecordCounter[]> out = new LinkedHashMap<>();
  /** Records in per vertex id and subtask: own counters for heads, the chained predecessor's out counters otherwise. */
  public final Map<String, RecordCounter[]> in = new LinkedHashMap<>();
  /** Input gates per task and subtask; null for sources and for subtasks that run elsewhere. */
  public final Map<TaskSpec, InputGate[]> gates = new HashMap<>();
  /** Buffer pools per task and subtask; null without network outputs and for subtasks that run elsewhere. */
  public final Map<TaskSpec, BufferPool[]> pools = new HashMap<>();
  /** The subtasks that run here, in task order. */
  public final List<SubtaskSetup> setups = new ArrayList<>();

  /**
   * @param operatorStateRestore where sources and sinks restore their operator state from; null
   *     when the job starts empty
   */
  public SubtaskWiring(ChannelLayout layout, BufferSettings buffers, JobParameters parameters, StateBackend stateBackend,
      Placement placement, RemoteTargets remote, OperatorStateRestore operatorStateRestore) {
    this(layout, buffers, parameters, stateBackend, placement, remote, operatorStateRestore,
        SubtaskSetup.DEFAULT_WATERMARK_INTERVAL);
  }

  /** As above, with sources emitting their watermarks every {@code watermarkInterval}. */
  public SubtaskWiring(ChannelLayout layout, BufferSettings buffers, JobParameters parameters, StateBackend stateBackend,
      Placement placement, RemoteTargets remote, OperatorStateRestore operatorStateRestore,
      Duration watermarkInterval) {
    this(layout, buffers, parameters, stateBackend, placement, remote, operatorStateRestore, watermarkInterval,
        Checkpointing.NONE);
  }

  /** As above, with each subtask's part in checkpoints (and what it resumes from) given by {@code checkpointing}. */
  public SubtaskWiring(ChannelLayout layout, BufferSettings buffers, JobParameters parameters, StateBackend stateBackend,
      Placement placement, RemoteTargets remote, OperatorStateRestore operatorStateRestore,
      Duration watermarkInterval, Checkpointing checkpointing) {
    this.checkpointing = checkpointing;
    this.operatorStateRestore = operatorStateRestore;
    this.watermarkInterval = watermarkInterval;
    this.graph = layout.graph();
    this.layout = layout;
    this.buffers = buffers;
    this.placement = placement;
    this.remote = remote;
    createCounters();
    for (TaskSpec task : graph.tasks()) {
      createGates(task);
    }
    for (TaskSpec task : graph.tasks()) {
      createSetups(task, parameters, stateBackend);
    }
  }

  /**
   * Cancels every buffer pool and input gate of the local subtasks, so that no wait for a buffer or
   * for input can keep a cancelled subtask's thread from seeing its cancellation.
   */
  public void cancelBuffersAndGates() {
    cancelBuffersAndGates(pools, gates);
  }

  /** As {@link #cancelBuffersAndGates()}, for a wiring's pools and gates held elsewhere. */
  public static void cancelBuffersAndGates(Map<TaskSpec, BufferPool[]> pools, Map<TaskSpec, InputGate[]> gates) {
    for (BufferPool[] taskPools : pools.values()) {
      for (BufferPool pool : taskPools) {
        if (pool != null) {
          pool.cancel();
        }
      }
    }
    for (InputGate[] taskGates : gates.values()) {
      for (InputGate gate : taskGates) {
        if (gate != null) {
          gate.cancel();
        }
      }
    }
  }

  /** The channels of a local consuming subtask whose producers run in other processes. */
  public Set<Integer> remoteChannels(TaskSpec task, int subtask) {
    Set<Integer> remoteChannels = new TreeSet<>();
    for (PhysicalEdge e : task.inputs()) {
      int producerTask = graph.taskOf(e.from().id()).index();
      for (int i = 0; i < graph.parallelism(e.from()); i++) {
        int index = layout.channelIndex(e, i, subtask);
        if (index >= 0 && !placement.isLocal(producerTask, i)) {
          remoteChannels.add(index);
        }
      }
    }
    return remoteChannels;
  }

  private void createCounters() {
    for (VertexPlan v : graph.plan().vertices()) {
      out.put(v.id(), newCounters(graph.parallelism(v)));
    }
    for (TaskSpec task : graph.tasks()) {
      for (VertexPlan v : task.vertices()) {
        PhysicalEdge chainedInput = task.chainedInputOf(v.id());
        in.put(v.id(), chainedInput != null ? out.get(chainedInput.from().id()) : newCounters(task.parallelism()));
      }
    }
  }

  private static RecordCounter[] newCounters(int n) {
    RecordCounter[] counters = new RecordCounter[n];
    for (int i = 0; i < n; i++) {
      counters[i] = new RecordCounter();
    }
    return counters;
  }

  private void createGates(TaskSpec task) {
    if (task.isSource()) {
      return;
    }
    InputGate[] taskGates = new InputGate[task.parallelism()];
    for (int j = 0; j < taskGates.length; j++) {
      if (placement.isLocal(task.index(), j)) {
        taskGates[j] = new InputGate(layout.channels(task, j).size());
      }
    }
    gates.put(task, taskGates);
  }

  private void createSetups(TaskSpec task, JobParameters parameters, StateBackend stateBackend) {
    int p = task.parallelism();
    BufferPool[] taskPools = new BufferPool[p];
    int channelCount = layout.outputChannels(task);
    for (int i = 0; i < p; i++) {
      if (!placement.isLocal(task.index(), i)) {
        continue;
      }
      Map<PhysicalEdge, RecordWriter> writers = new LinkedHashMap<>();
      if (channelCount > 0) {
        taskPools[i] = new BufferPool(buffers.poolCapacity(channelCount), buffers.bufferSize());
        for (PhysicalEdge e : task.networkOutputs()) {
          writers.put(e, writer(e, i, taskPools[i]));
        }
      }
      Map<String, RecordCounter> outCounters = new HashMap<>();
      for (VertexPlan v : task.vertices()) {
        outCounters.put(v.id(), out.get(v.id())[i]);
      }
      InputGate gate = task.isSource() ? null : gates.get(task)[i];
      setups.add(new SubtaskSetup(graph.plan().name(), parameters, stateBackend, graph.plan().maxParallelism(),
          task, i, outCounters, in.get(task.head().id())[i], writers, gate, layout.channels(task, i), taskPools[i],
          operatorStateRestore, watermarkInterval, checkpointing.of(task, i)));
    }
    pools.put(task, taskPools);
  }

  private RecordWriter writer(PhysicalEdge e, int producer, BufferPool pool) {
    TaskSpec consumerTask = graph.taskOf(e.to().id());
    int[] consumers = layout.consumersOf(e, producer);
    ChannelTarget[] targets = new ChannelTarget[consumers.length];
    int[] channelIndexes = new int[consumers.length];
    for (int k = 0; k < consumers.length; k++) {
      int j = consumers[k];
      channelIndexes[k] = layout.channelIndex(e, producer, j);
      targets[k] = placement.isLocal(consumerTask.index(), j)
          ? gates.get(consumerTask)[j]
          : remote.target(consumerTask, j, channelIndexes[k]);
    }
    String target = e.to().name();
    RecordWriter writer = switch (e.partitioning()) {
      case FORWARD -> new ForwardRecordWriter(e.serializer(), pool, targets[0], channelIndexes[0], target);
      case HASH -> new HashRecordWriter(e.serializer(), pool, targets, channelIndexes, target,
          e.to().keySelector(), e.targetInput(), graph.plan().maxParallelism());
      case REBALANCE -> new RoundRobinRecordWriter(e.serializer(), pool, targets, channelIndexes, target, producer);
      case BROADCAST -> new BroadcastRecordWriter(e.serializer(), pool, targets, channelIndexes, target);
    };
    return writer.handOverObjects(buffers.handOverObjects());
  }
}
