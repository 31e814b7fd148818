package io.weir.runtime.metrics;

import java.time.Duration;
import java.util.List;

/** The state of a running job at one moment, for {@link ProgressListener}s. Vertices in topological order. */
public record ProgressSnapshot(String jobName, Duration elapsed, List<VertexProgress> vertices) {

  public ProgressSnapshot {
    vertices = List.copyOf(vertices);
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
