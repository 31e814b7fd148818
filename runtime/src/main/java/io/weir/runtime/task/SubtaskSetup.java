package io.weir.runtime.task;

import io.weir.api.JobParameters;
import io.weir.runtime.graph.PhysicalEdge;
import io.weir.runtime.graph.TaskSpec;
import io.weir.runtime.metrics.RecordCounter;
import io.weir.runtime.network.BufferPool;
import io.weir.runtime.network.InputGate;
import io.weir.runtime.network.RecordWriter;
import io.weir.state.backend.StateBackend;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything one subtask is wired to before its thread starts: the runtime's objects (gate,
 * writers, pool, counters), none of the user's, which the subtask creates in its own thread.
 *
 * @param outCounters records-out counter of each vertex in the chain, by vertex id
 * @param headInCounter records-in counter of the head (counted for network input only)
 * @param writers this subtask's writer for each network output edge of the chain
 * @param gate the input gate (null for a source task)
 * @param channels the gate's channels, by channel index (empty for a source task)
 * @param pool the buffer pool of the writers (null without network outputs)
 * @param operatorStateRestore where the operator state of its sources and sinks is restored from,
 *     or null to start without
 * @param watermarkInterval how often a source with event time emits its watermark
 * @param checkpointing how it takes part in checkpoints and what it resumes from; null when the
 *     job does not checkpoint and starts empty
 */
public record SubtaskSetup(
    String jobName,
    JobParameters parameters,
    StateBackend stateBackend,
    int maxParallelism,
    TaskSpec task,
    int subtaskIndex,
    Map<String, RecordCounter> outCounters,
    RecordCounter headInCounter,
    Map<PhysicalEdge, RecordWriter> writers,
    InputGate gate,
    List<InputChannel> channels,
    BufferPool pool,
    OperatorStateRestore operatorStateRestore,
    Duration watermarkInterval,
    TaskCheckpointing checkpointing) {

  /** The watermark interval when none is configured. */
  public static final Duration DEFAULT_WATERMARK_INTERVAL = Duration.ofMillis(200);

  public SubtaskSetup {
    channels = List.copyOf(channels);
    if (watermarkInterval == null || watermarkInterval.isNegative() || watermarkInterval.isZero()) {
      throw new IllegalArgumentException("watermark interval must be positive, got " + watermarkInterval);
    }
  }

  /** A subtask that does not checkpoint. */
  public SubtaskSetup(String jobName, JobParameters parameters, StateBackend stateBackend, int maxParallelism,
      TaskSpec task, int subtaskIndex, Map<String, RecordCounter> outCounters, RecordCounter headInCounter,
      Map<PhysicalEdge, RecordWriter> writers, InputGate gate, List<InputChannel> channels, BufferPool pool,
      OperatorStateRestore operatorStateRestore, Duration watermarkInterval) {
    this(jobName, parameters, stateBackend, maxParallelism, task, subtaskIndex, outCounters, headInCounter, writers,
        gate, channels, pool, operatorStateRestore, watermarkInterval, null);
  }

  /** A subtask with the default watermark interval. */
  public SubtaskSetup(String jobName, JobParameters parameters, StateBackend stateBackend, int maxParallelism,
      TaskSpec task, int subtaskIndex, Map<String, RecordCounter> outCounters, RecordCounter headInCounter,
      Map<PhysicalEdge, RecordWriter> writers, InputGate gate, List<InputChannel> channels, BufferPool pool,
      OperatorStateRestore operatorStateRestore) {
    this(jobName, parameters, stateBackend, maxParallelism, task, subtaskIndex, outCounters, headInCounter, writers,
        gate, channels, pool, operatorStateRestore, DEFAULT_WATERMARK_INTERVAL);
  }

  /** A subtask that starts without operator state. */
  public SubtaskSetup(String jobName, JobParameters parameters, StateBackend stateBackend, int maxParallelism,
      TaskSpec task, int subtaskIndex, Map<String, RecordCounter> outCounters, RecordCounter headInCounter,
      Map<PhysicalEdge, RecordWriter> writers, InputGate gate, List<InputChannel> channels, BufferPool pool) {
    this(jobName, parameters, stateBackend, maxParallelism, task, subtaskIndex, outCounters, headInCounter, writers,
        gate, channels, pool, null);
  }

  public String threadName() {
    return task.subtaskName(subtaskIndex);
  }
}
