package io.weir.runtime.metrics;

import io.weir.runtime.checkpoint.CheckpointStats;
import java.time.Duration;
import java.util.List;

/**
 * The state of a running job at one moment, for {@link ProgressListener}s. Vertices in topological
 * order; {@code checkpoints} is {@link CheckpointStats#NONE} for a job that takes none.
 */
public record ProgressSnapshot(String jobName, Duration elapsed, List<VertexProgress> vertices,
    CheckpointStats checkpoints) {

  public ProgressSnapshot {
    vertices = List.copyOf(vertices);
    checkpoints = checkpoints == null ? CheckpointStats.NONE : checkpoints;
  }

  /** A snapshot of a job that takes no checkpoints. */
  public ProgressSnapshot(String jobName, Duration elapsed, List<VertexProgress> vertices) {
    this(jobName, elapsed, vertices, CheckpointStats.NONE);
  }

  /** The vertex named {@code name}. */
  public VertexProgress vertex(String name) {
    for (VertexProgress v : vertices) {
      if (v.name().equals(name)) {
        return v;
      }
    }
    throw new IllegalArgumentException("no vertex named '" + name + "' in " + vertices.stream().map(VertexProgress::name).toList());
  }
}
