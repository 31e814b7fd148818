package io.weir.runtime.metrics;

import io.weir.runtime.plan.VertexKind;
import java.util.List;

/**
 * Record counts of one vertex: per parallel instance and summed. Records in counts what reached
 * the vertex's user code (0 for sources); records out what it emitted (0 for sinks).
 */
public record VertexMetrics(String name, VertexKind kind, int parallelism, List<SubtaskMetrics> subtasks) {

  public VertexMetrics {
    subtasks = List.copyOf(subtasks);
  }

  /** Sum over subtasks. */
  public long recordsIn() {
    long sum = 0;
    for (SubtaskMetrics s : subtasks) {
      sum += s.recordsIn();
    }
    return sum;
  }

  /** Sum over subtasks. */
  public long recordsOut() {
    long sum = 0;
    for (SubtaskMetrics s : subtasks) {
      sum += s.recordsOut();
    }
    return sum;
  }
}
