package io.weir.runtime.wiring;

import io.weir.runtime.graph.PhysicalEdge;
import io.weir.runtime.graph.PhysicalGraph;
import io.weir.runtime.graph.TaskSpec;
import io.weir.runtime.plan.Partitioning;
import io.weir.runtime.task.InputChannel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How the channels of a physical graph are numbered: at each consuming subtask, channels are
 * numbered in the order of the task's input edges (plan order), then of the producing subtasks.
 * A function of the graph alone, so every process that builds the same graph (the embedded runtime,
 * each TaskManager of a cluster) numbers every channel identically: a producer on one TaskManager
 * and its consumer on another agree on the channel index without telling each other.
 */
public final class ChannelLayout {
  private final PhysicalGraph graph;
  private final Map<TaskSpec, List<List<InputChannel>>> channels = new HashMap<>();
  /** Channel index at consumer subtask j of records from producer subtask i over an edge: [i][j], -1 if unconnected. */
  private final Map<PhysicalEdge, int[][]> channelIndex = new HashMap<>();

  public ChannelLayout(PhysicalGraph graph) {
    this.graph = graph;
    for (TaskSpec task : graph.tasks()) {
      number(task);
    }
  }

  private void number(TaskSpec task) {
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
    List<List<InputChannel>> frozen = new ArrayList<>();
    perSubtask.forEach(list -> frozen.add(List.copyOf(list)));
    channels.put(task, frozen);
  }

  public PhysicalGraph graph() {
    return graph;
  }

  /** The channels of consuming subtask {@code subtask} of {@code task}, by channel index (empty for sources). */
  public List<InputChannel> channels(TaskSpec task, int subtask) {
    return channels.get(task).get(subtask);
  }

  /** The index at consumer {@code consumer} of the channel from producer {@code producer} over {@code edge}; -1 if none. */
  public int channelIndex(PhysicalEdge edge, int producer, int consumer) {
    return channelIndex.get(edge)[producer][consumer];
  }

  /** The channels producer {@code producer} writes over {@code edge}: one per consumer, or just its peer for FORWARD. */
  public int[] consumersOf(PhysicalEdge edge, int producer) {
    if (edge.partitioning() == Partitioning.FORWARD) {
      return new int[] {producer};
    }
    int[] consumers = new int[graph.parallelism(edge.to())];
    for (int j = 0; j < consumers.length; j++) {
      consumers[j] = j;
    }
    return consumers;
  }

  /** Outgoing channels of one subtask of {@code task}, over all its network output edges. */
  public int outputChannels(TaskSpec task) {
    int count = 0;
    for (PhysicalEdge e : task.networkOutputs()) {
      count += e.partitioning() == Partitioning.FORWARD ? 1 : graph.parallelism(e.to());
    }
    return count;
  }
}
