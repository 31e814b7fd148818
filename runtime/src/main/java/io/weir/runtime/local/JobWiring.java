package io.weir.runtime.local;

import io.weir.runtime.graph.PhysicalEdge;
import io.weir.runtime.graph.PhysicalGraph;
import io.weir.runtime.graph.TaskSpec;
import io.weir.runtime.metrics.RecordCounter;
import io.weir.runtime.network.BroadcastRecordWriter;
import io.weir.runtime.network.BufferPool;
import io.weir.runtime.network.ForwardRecordWriter;
import io.weir.runtime.network.HashRecordWriter;
import io.weir.runtime.network.InputGate;
import io.weir.runtime.network.RecordWriter;
import io.weir.runtime.network.RoundRobinRecordWriter;
import io.weir.runtime.plan.Partitioning;
import io.weir.runtime.plan.VertexPlan;
import io.weir.runtime.task.InputChannel;
import io.weir.runtime.task.SubtaskSetup;
import io.weir.state.backend.StateBackend;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Creates the runtime side of every subtask of a physical graph before any thread starts: record
 * counters, one input gate per consuming subtask with its channels numbered, one buffer pool per
 * producing subtask, and a record writer per producing subtask and network edge.
 *
 * <p>Pool capacity per producing subtask: {@code buffersPerChannel} for each outgoing channel
 * plus {@code floating}. At least one buffer per channel is what keeps a producer that holds a
 * partly filled buffer for every channel able to make progress; the rest lets it fill one buffer
 * while others are in flight.
 */
final class JobWiring {
  private final PhysicalGraph graph;
  private final RunOptions options;
  private final StateBackend stateBackend;
  /** Records out per vertex id and subtask. */
  final Map<String, RecordCounter[]> out = new LinkedHashMap<>();
  /** Records in per vertex id and subtask: own counters for heads, the chained predecessor's out counters otherwise. */
  final Map<String, RecordCounter[]> in = new LinkedHashMap<>();
  final Map<TaskSpec, InputGate[]> gates = new HashMap<>();
  final Map<TaskSpec, BufferPool[]> pools = new HashMap<>();
  private final Map<TaskSpec, List<List<InputChannel>>> channels = new HashMap<>();
  /** Channel index at consumer subtask j of records from producer subtask i over an edge: [i][j], -1 if unconnected. */
  private final Map<PhysicalEdge, int[][]> channelIndex = new HashMap<>();
  final List<SubtaskSetup> setups = new ArrayList<>();

  JobWiring(PhysicalGraph graph, RunOptions options, StateBackend stateBackend) {
    this.graph = graph;
    this.options = options;
    this.stateBackend = stateBackend;
    createCounters();
    for (TaskSpec task : graph.tasks()) {
      createGates(task);
    }
    for (TaskSpec task : graph.tasks()) {
      createSetups(task);
    }
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
    int p = task.parallelism();
    List<List<InputChannel>> perSubtask = new ArrayList<>();
    for (int j = 0; j < p; j++) {
      perSubtask.add(new ArrayList<>());
    }
    for (PhysicalEdge e : task.inputs()) {
      int up = graph.parallelism(e.from());
      int[][] index = new int[up][p];
      for (int i = 0; i < up; i++) {
        for (int j = 0; j < p; j++) {
          boolean connected = e.partitioning() != Partitioning.FORWARD || i == j;
          index[i][j] = connected ? perSubtask.get(j).size() : -1;
          if (connected) {
            perSubtask.get(j).add(new InputChannel(e.targetInput(), e.serializer(), e.from().name(), i));
          }
        }
      }
      channelIndex.put(e, index);
    }
    channels.put(task, perSubtask);
    if (!task.isSource()) {
      InputGate[] taskGates = new InputGate[p];
      for (int j = 0; j < p; j++) {
        taskGates[j] = new InputGate(perSubtask.get(j).size());
      }
      gates.put(task, taskGates);
    }
  }

  private void createSetups(TaskSpec task) {
    int p = task.parallelism();
    BufferPool[] taskPools = new BufferPool[p];
    for (int i = 0; i < p; i++) {
      Map<PhysicalEdge, RecordWriter> writers = new LinkedHashMap<>();
      int channelCount = 0;
      for (PhysicalEdge e : task.networkOutputs()) {
        channelCount += e.partitioning() == Partitioning.FORWARD ? 1 : graph.parallelism(e.to());
      }
      if (channelCount > 0) {
        taskPools[i] = new BufferPool(channelCount * options.buffersPerChannel() + options.floatingBuffers(), options.bufferSize());
        for (PhysicalEdge e : task.networkOutputs()) {
          writers.put(e, writer(e, i, taskPools[i]));
        }
      }
      Map<String, RecordCounter> outCounters = new HashMap<>();
      for (VertexPlan v : task.vertices()) {
        outCounters.put(v.id(), out.get(v.id())[i]);
      }
      InputGate gate = task.isSource() ? null : gates.get(task)[i];
      setups.add(new SubtaskSetup(graph.plan().name(), options.parameters(), stateBackend, graph.plan().maxParallelism(),
          task, i, outCounters, in.get(task.head().id())[i], writers, gate, channels.get(task).get(i), taskPools[i],
          options.operatorStateRestore(), options.watermarkInterval()));
    }
    pools.put(task, taskPools);
  }

  private RecordWriter writer(PhysicalEdge e, int producer, BufferPool pool) {
    InputGate[] consumerGates = gates.get(graph.taskOf(e.to().id()));
    int[][] index = channelIndex.get(e);
    String target = e.to().name();
    if (e.partitioning() == Partitioning.FORWARD) {
      return new ForwardRecordWriter(e.serializer(), pool, consumerGates[producer], index[producer][producer], target);
    }
    int[] channelIndexes = index[producer].clone();
    return switch (e.partitioning()) {
      case HASH -> new HashRecordWriter(e.serializer(), pool, consumerGates, channelIndexes, target,
          e.to().keySelector(), e.targetInput(), graph.plan().maxParallelism());
      case REBALANCE -> new RoundRobinRecordWriter(e.serializer(), pool, consumerGates, channelIndexes, target, producer);
      case BROADCAST -> new BroadcastRecordWriter(e.serializer(), pool, consumerGates, channelIndexes, target);
      case FORWARD -> throw new AssertionError("handled above");
    };
  }
}
