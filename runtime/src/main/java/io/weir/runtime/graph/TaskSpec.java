package io.weir.runtime.graph;

import io.weir.runtime.plan.VertexKind;
import io.weir.runtime.plan.VertexPlan;
import java.util.List;

/**
 * A chain of vertices that run together in one thread per parallel instance: a head (a source, or
 * the vertex that receives records over the network) and the vertices chained behind it. A chain
 * is a tree: each chained vertex has exactly one input, from a vertex earlier in the chain, and a
 * vertex may feed several chained successors.
 */
public final class TaskSpec {
  private final int index;
  private final int parallelism;
  private final List<VertexPlan> vertices;
  private final List<PhysicalEdge> inputs;
  private final List<PhysicalEdge> chainedEdges;
  private final List<PhysicalEdge> networkOutputs;
  private final List<PhysicalEdge> outgoing;
  private final String name;

  /** {@code outgoing}: every edge leaving a vertex of the chain, in plan order. */
  TaskSpec(int index, int parallelism, List<VertexPlan> vertices, List<PhysicalEdge> inputs, List<PhysicalEdge> outgoing) {
    this.index = index;
    this.parallelism = parallelism;
    this.vertices = List.copyOf(vertices);
    this.inputs = List.copyOf(inputs);
    this.outgoing = List.copyOf(outgoing);
    this.chainedEdges = this.outgoing.stream().filter(PhysicalEdge::chained).toList();
    this.networkOutputs = this.outgoing.stream().filter(e -> !e.chained()).toList();
    this.name = String.join(" -> ", this.vertices.stream().map(VertexPlan::name).toList());
  }

  /** Position of the task in the graph: tasks are ordered by their heads' topological order. */
  public int index() {
    return index;
  }

  public int parallelism() {
    return parallelism;
  }

  /** "Tokenize -> Count": the chained vertices' names in topological order. */
  public String name() {
    return name;
  }

  /** Thread name of one parallel instance, e.g. "Tokenize -> Count (2/4)" for index 1. */
  public String subtaskName(int subtaskIndex) {
    return name + " (" + (subtaskIndex + 1) + "/" + parallelism + ")";
  }

  /** The chained vertices in topological order; the first is the head. */
  public List<VertexPlan> vertices() {
    return vertices;
  }

  public VertexPlan head() {
    return vertices.get(0);
  }

  public boolean isSource() {
    return head().kind() == VertexKind.SOURCE;
  }

  /** Network edges into the head, in plan order. Empty for source tasks. */
  public List<PhysicalEdge> inputs() {
    return inputs;
  }

  /** Edges between vertices of this chain. */
  public List<PhysicalEdge> chainedEdges() {
    return chainedEdges;
  }

  /** Network edges leaving any vertex of this chain, in plan order. */
  public List<PhysicalEdge> networkOutputs() {
    return networkOutputs;
  }

  /** The edges leaving {@code vertexId}, chained ones and network ones, in plan order. */
  public List<PhysicalEdge> outputsOf(String vertexId) {
    return outgoing.stream().filter(e -> e.from().id().equals(vertexId)).toList();
  }

  /** The chained edge feeding {@code vertexId}, or null for the head. */
  public PhysicalEdge chainedInputOf(String vertexId) {
    for (PhysicalEdge e : chainedEdges) {
      if (e.to().id().equals(vertexId)) {
        return e;
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return "Task[" + name + " x" + parallelism + "]";
  }
}
