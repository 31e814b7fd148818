package io.weir.runtime.local;

import io.weir.runtime.graph.PhysicalGraph;
import io.weir.runtime.graph.TaskSpec;
import io.weir.runtime.metrics.RecordCounter;
import io.weir.runtime.network.BufferPool;
import io.weir.runtime.network.InputGate;
import io.weir.runtime.task.SubtaskSetup;
import io.weir.runtime.wiring.BufferSettings;
import io.weir.runtime.wiring.ChannelLayout;
import io.weir.runtime.wiring.SubtaskWiring;
import io.weir.state.backend.StateBackend;
import java.util.List;
import java.util.Map;

/**
 * The embedded runtime's wiring: every subtask of the graph runs in this JVM, so every channel
 * goes straight into its consumer's input gate ({@link SubtaskWiring} with everything local).
 */
final class JobWiring {
  /** Records out per vertex id and subtask. */
  final Map<String, RecordCounter[]> out;
  /** Records in per vertex id and subtask: own counters for heads, the chained predecessor's out counters otherwise. */
  final Map<String, RecordCounter[]> in;
  final Map<TaskSpec, InputGate[]> gates;
  final Map<TaskSpec, BufferPool[]> pools;
  final List<SubtaskSetup> setups;

  JobWiring(PhysicalGraph graph, RunOptions options, StateBackend stateBackend) {
    this(graph, options, stateBackend, SubtaskWiring.Checkpointing.NONE);
  }

  /** {@code checkpointing}: each subtask's part in checkpoints and what it resumes from. */
  JobWiring(PhysicalGraph graph, RunOptions options, StateBackend stateBackend, SubtaskWiring.Checkpointing checkpointing) {
    SubtaskWiring wiring = new SubtaskWiring(new ChannelLayout(graph), bufferSettings(options), options.parameters(),
        stateBackend, SubtaskWiring.Placement.ALL_LOCAL, SubtaskWiring.RemoteTargets.NONE,
        options.operatorStateRestore(), options.watermarkInterval(), checkpointing);
    this.out = wiring.out;
    this.in = wiring.in;
    this.gates = wiring.gates;
    this.pools = wiring.pools;
    this.setups = wiring.setups;
  }

  static BufferSettings bufferSettings(RunOptions options) {
    return new BufferSettings(options.bufferSize(), options.buffersPerChannel(), options.floatingBuffers(),
        options.handOverObjects());
  }
}
