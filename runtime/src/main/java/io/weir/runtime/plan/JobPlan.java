package io.weir.runtime.plan;

import io.weir.api.SourceReader;
import io.weir.runtime.operator.KeySelector;
import io.weir.api.WatermarkGenerator;
import io.weir.runtime.operator.OperatorInvoker;
import io.weir.runtime.time.SourceEventTime;
import io.weir.runtime.time.SourceTimestamps;
import io.weir.state.serialization.TypeSerializer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The logical graph of a job as the processor generated it: vertices in topological order, edges
 * with their partitioning, default and max parallelism, and the state backend it asks for. Parallelism
 * and backend can still be overridden when the job is run; the runtime derives the physical graph from this.
 */
public final class JobPlan {
  private final String name;
  private final int defaultParallelism;
  private final int maxParallelism;
  private final String stateBackend;
  private final List<VertexPlan> vertices;
  private final List<EdgePlan> edges;
  private final Map<String, VertexPlan> byId;

  private JobPlan(Builder b) {
    this.name = b.name;
    this.defaultParallelism = b.defaultParallelism;
    this.maxParallelism = b.maxParallelism;
    this.stateBackend = b.stateBackend;
    this.vertices = List.copyOf(b.vertices);
    this.edges = List.copyOf(b.edges);
    Map<String, VertexPlan> map = new LinkedHashMap<>();
    for (VertexPlan v : vertices) {
      map.put(v.id(), v);
    }
    this.byId = map;
  }

  public static Builder builder(String name) {
    return new Builder(name);
  }

  public String name() {
    return name;
  }

  public int defaultParallelism() {
    return defaultParallelism;
  }

  public int maxParallelism() {
    return maxParallelism;
  }

  /** The name of the backend the job declares for its keyed state ({@code heap} unless it says otherwise). */
  public String stateBackend() {
    return stateBackend;
  }

  /** Vertices in topological order (every vertex after all its upstreams). */
  public List<VertexPlan> vertices() {
    return vertices;
  }

  public List<EdgePlan> edges() {
    return edges;
  }

  public VertexPlan vertex(String id) {
    VertexPlan v = byId.get(id);
    if (v == null) {
      throw new IllegalArgumentException("job '" + name + "' has no vertex with id " + id);
    }
    return v;
  }

  /** The vertex whose user class is {@code className}, or null. */
  public VertexPlan vertexForClass(String className) {
    for (VertexPlan v : vertices) {
      if (v.className().equals(className)) {
        return v;
      }
    }
    return null;
  }

  public List<EdgePlan> inputsOf(String vertexId) {
    return edges.stream().filter(e -> e.to().equals(vertexId)).toList();
  }

  public List<EdgePlan> outputsOf(String vertexId) {
    return edges.stream().filter(e -> e.from().equals(vertexId)).toList();
  }

  @Override
  public String toString() {
    return "JobPlan[" + name + ", " + vertices.size() + " vertices, " + edges.size() + " edges]";
  }

  /** Builds a plan; {@link #build()} checks that the graph is well formed. */
  public static final class Builder {
    private final String name;
    private int defaultParallelism = 1;
    private int maxParallelism = 128;
    private String stateBackend = "heap";
    private final List<VertexPlan> vertices = new ArrayList<>();
    private final List<EdgePlan> edges = new ArrayList<>();

    private Builder(String name) {
      this.name = Objects.requireNonNull(name, "name");
    }

    public Builder defaultParallelism(int parallelism) {
      this.defaultParallelism = parallelism;
      return this;
    }

    public Builder maxParallelism(int maxParallelism) {
      this.maxParallelism = maxParallelism;
      return this;
    }

    /** The backend for the job's keyed state by name, e.g. {@code heap} or {@code rocksdb}. */
    public Builder stateBackend(String name) {
      this.stateBackend = Objects.requireNonNull(name, "name");
      return this;
    }

    public Builder source(
        String id, String name, String className, int parallelism,
        Supplier<? extends SourceReader<?>> factory, TypeSerializer<?> outputSerializer) {
      return vertex(new VertexPlan(
          id, name, VertexKind.SOURCE, className, parallelism, factory, null, outputSerializer, List.of(), null));
    }

    public Builder operator(
        String id, String name, String className, int parallelism,
        Supplier<? extends OperatorInvoker<?>> factory, TypeSerializer<?> outputSerializer,
        List<String> inputTypes, KeySelector keySelector) {
      return vertex(new VertexPlan(
          id, name, VertexKind.OPERATOR, className, parallelism, null, factory, outputSerializer, inputTypes,
          keySelector));
    }

    public Builder sink(
        String id, String name, String className, int parallelism,
        Supplier<? extends OperatorInvoker<?>> factory, List<String> inputTypes, KeySelector keySelector) {
      return vertex(new VertexPlan(
          id, name, VertexKind.SINK, className, parallelism, null, factory, null, inputTypes, keySelector));
    }

    /**
     * Gives the source {@code sourceId}, already added, event time: its timestamps and watermarks.
     */
    public Builder eventTime(String sourceId, SourceTimestamps timestamps,
        Supplier<? extends WatermarkGenerator<?>> watermarks, long idleTimeoutMillis) {
      for (int i = 0; i < vertices.size(); i++) {
        if (vertices.get(i).id().equals(sourceId)) {
          vertices.set(i, vertices.get(i).withEventTime(new SourceEventTime(timestamps, watermarks, idleTimeoutMillis)));
          return this;
        }
      }
      throw new IllegalArgumentException("job '" + name + "': event time for unknown vertex " + sourceId);
    }

    /** Declares side output {@code name} of the operator {@code operatorId}, already added. */
    public Builder sideOutput(String operatorId, String name, TypeSerializer<?> serializer) {
      for (int i = 0; i < vertices.size(); i++) {
        if (vertices.get(i).id().equals(operatorId)) {
          vertices.set(i, vertices.get(i).withSideOutput(name, serializer));
          return this;
        }
      }
      throw new IllegalArgumentException("job '" + this.name + "': side output for unknown vertex " + operatorId);
    }

    public Builder vertex(VertexPlan vertex) {
      vertices.add(vertex);
      return this;
    }

    public Builder edge(String from, String to, int targetInput, Partitioning partitioning) {
      edges.add(new EdgePlan(from, to, targetInput, partitioning));
      return this;
    }

    /** An edge carrying {@code from}'s side output {@code output} (declared with {@link #sideOutput}). */
    public Builder edge(String from, String to, int targetInput, Partitioning partitioning, String output) {
      edges.add(new EdgePlan(from, to, targetInput, partitioning, Objects.requireNonNull(output, "output")));
      return this;
    }

    public JobPlan build() {
      if (defaultParallelism < 1) {
        throw new IllegalArgumentException("job '" + name + "': default parallelism must be at least 1");
      }
      if (maxParallelism < 1 || maxParallelism > 32768) {
        throw new IllegalArgumentException("job '" + name + "': max parallelism must be in [1, 32768]");
      }
      if (stateBackend.isBlank()) {
        throw new IllegalArgumentException("job '" + name + "': state backend name is blank");
      }
      Set<String> seen = new HashSet<>();
      Set<String> names = new HashSet<>();
      for (VertexPlan v : vertices) {
        if (!seen.add(v.id())) {
          throw new IllegalArgumentException("job '" + name + "': duplicate vertex id " + v.id());
        }
        if (!names.add(v.name())) {
          throw new IllegalArgumentException("job '" + name + "': duplicate vertex name " + v.name());
        }
        if (v.parallelism() < 0 || v.parallelism() > maxParallelism) {
          throw new IllegalArgumentException(
              "job '" + name + "': vertex " + v.name() + " has parallelism " + v.parallelism()
                  + " outside [0, " + maxParallelism + "]");
        }
      }
      Set<String> placed = new HashSet<>();
      for (VertexPlan v : vertices) {
        for (EdgePlan e : edges) {
          if (e.to().equals(v.id()) && !placed.contains(e.from())) {
            throw new IllegalArgumentException(
                "job '" + name + "': vertices not in topological order or edge from unknown vertex " + e.from());
          }
        }
        placed.add(v.id());
      }
      for (EdgePlan e : edges) {
        if (!seen.contains(e.to())) {
          throw new IllegalArgumentException("job '" + name + "': edge to unknown vertex " + e.to());
        }
        if (e.output() != null && !vertices.stream().anyMatch(
            v -> v.id().equals(e.from()) && v.sideOutputs().containsKey(e.output()))) {
          throw new IllegalArgumentException("job '" + name + "': edge from " + e.from() + " reads side output '"
              + e.output() + "', which that vertex does not declare");
        }
      }
      return new JobPlan(this);
    }
  }
}
