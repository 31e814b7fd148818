package io.weir.runtime.graph;

import io.weir.runtime.plan.EdgePlan;
import io.weir.runtime.plan.JobPlan;
import io.weir.runtime.plan.Partitioning;
import io.weir.runtime.plan.VertexKind;
import io.weir.runtime.plan.VertexPlan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The job as it runs: each vertex's parallelism, each edge's resolved partitioning, and the
 * vertices grouped into chains ({@link TaskSpec}s) that share a thread per parallel instance.
 *
 * <p>An edge is chained when the downstream has exactly one input edge, both ends have the same
 * parallelism, and the edge is FORWARD (or, with {@link GraphOptions#chainSingleInstanceExchanges},
 * any edge between two single-instance vertices). FORWARD between different parallelisms becomes
 * REBALANCE; every edge into a keyed vertex goes by key (HASH).
 */
public final class PhysicalGraph {
  private final JobPlan plan;
  private final Map<String, Integer> parallelism;
  private final List<PhysicalEdge> edges;
  private final List<TaskSpec> tasks;
  private final Map<String, TaskSpec> taskOfVertex;

  private PhysicalGraph(JobPlan plan, Map<String, Integer> parallelism, List<PhysicalEdge> edges, List<TaskSpec> tasks) {
    this.plan = plan;
    this.parallelism = parallelism;
    this.edges = List.copyOf(edges);
    this.tasks = List.copyOf(tasks);
    Map<String, TaskSpec> byVertex = new HashMap<>();
    for (TaskSpec task : tasks) {
      for (VertexPlan v : task.vertices()) {
        byVertex.put(v.id(), task);
      }
    }
    this.taskOfVertex = byVertex;
  }

  /** Resolves parallelism, partitioning and chaining; fails with a clear message on an invalid job. */
  public static PhysicalGraph build(JobPlan plan, GraphOptions options) {
    Map<String, Integer> parallelism = ParallelismResolver.resolve(plan, options);
    validateVertices(plan);
    List<PhysicalEdge> edges = new ArrayList<>();
    for (EdgePlan e : plan.edges()) {
      edges.add(resolve(plan, e, parallelism, options));
    }
    return new PhysicalGraph(plan, parallelism, edges, chain(plan, parallelism, edges));
  }

  private static void validateVertices(JobPlan plan) {
    for (VertexPlan v : plan.vertices()) {
      boolean hasInputs = !plan.inputsOf(v.id()).isEmpty();
      String what = "job '" + plan.name() + "': " + v.kind().name().toLowerCase() + " '" + v.name() + "'";
      if (v.kind() == VertexKind.SOURCE) {
        if (v.sourceFactory() == null) {
          throw new IllegalArgumentException(what + " has no source factory");
        }
        if (hasInputs) {
          throw new IllegalArgumentException(what + " has input edges; sources cannot have inputs");
        }
      } else {
        if (v.invokerFactory() == null) {
          throw new IllegalArgumentException(what + " has no invoker factory");
        }
        if (!hasInputs) {
          throw new IllegalArgumentException(what + " has no inputs");
        }
      }
      if (v.kind() == VertexKind.SINK && !plan.outputsOf(v.id()).isEmpty()) {
        throw new IllegalArgumentException(what + " has output edges; sinks cannot feed anything");
      }
    }
  }

  private static PhysicalEdge resolve(JobPlan plan, EdgePlan e, Map<String, Integer> parallelism, GraphOptions options) {
    VertexPlan from = plan.vertex(e.from());
    VertexPlan to = plan.vertex(e.to());
    if (e.targetInput() < 0 || (!to.inputTypes().isEmpty() && e.targetInput() >= to.inputTypes().size())) {
      throw new IllegalArgumentException("job '" + plan.name() + "': edge " + from.name() + " -> " + to.name()
          + " feeds input " + e.targetInput() + " but " + to.name() + " has " + to.inputTypes().size() + " inputs");
    }
    if (e.partitioning() == Partitioning.HASH && !to.keyed()) {
      throw new IllegalArgumentException("job '" + plan.name() + "': edge " + from.name() + " -> " + to.name()
          + " is partitioned by key but " + to.name() + " has no key selector");
    }
    int up = parallelism.get(from.id());
    int down = parallelism.get(to.id());
    Partitioning partitioning = e.partitioning();
    if (to.keyed()) {
      partitioning = Partitioning.HASH; // keyed state is only correct if every record of a key reaches its owner
    } else if (partitioning == Partitioning.FORWARD && up != down) {
      partitioning = Partitioning.REBALANCE;
    }
    boolean singleInput = plan.inputsOf(to.id()).size() == 1;
    boolean chained = singleInput && up == down
        && (partitioning == Partitioning.FORWARD || (up == 1 && options.chainSingleInstanceExchanges()));
    if (!chained && from.serializerOf(e.output()) == null) {
      throw new IllegalArgumentException("job '" + plan.name() + "': " + from.name()
          + " has no output serializer but sends records to " + to.name() + " over the network");
    }
    return new PhysicalEdge(e, from, to, partitioning, chained);
  }

  /** Groups vertices into chains: a vertex joins its upstream's chain when its only input edge is chained. */
  private static List<TaskSpec> chain(JobPlan plan, Map<String, Integer> parallelism, List<PhysicalEdge> edges) {
    Map<String, List<VertexPlan>> members = new LinkedHashMap<>(); // head id -> vertices, topological
    Map<String, String> headOf = new HashMap<>();
    for (VertexPlan v : plan.vertices()) {
      PhysicalEdge chainedInput = edges.stream().filter(e -> e.chained() && e.to() == v).findFirst().orElse(null);
      String head = chainedInput == null ? v.id() : headOf.get(chainedInput.from().id());
      headOf.put(v.id(), head);
      members.computeIfAbsent(head, h -> new ArrayList<>()).add(v);
    }
    List<TaskSpec> tasks = new ArrayList<>();
    for (Map.Entry<String, List<VertexPlan>> entry : members.entrySet()) {
      String head = entry.getKey();
      List<PhysicalEdge> inputs = edges.stream().filter(e -> !e.chained() && e.to().id().equals(head)).toList();
      List<PhysicalEdge> outgoing = edges.stream().filter(e -> head.equals(headOf.get(e.from().id()))).toList();
      tasks.add(new TaskSpec(tasks.size(), parallelism.get(head), entry.getValue(), inputs, outgoing));
    }
    return tasks;
  }

  public JobPlan plan() {
    return plan;
  }

  public int parallelism(VertexPlan vertex) {
    return parallelism.get(vertex.id());
  }

  public int parallelism(String vertexId) {
    Integer p = parallelism.get(vertexId);
    if (p == null) {
      throw new IllegalArgumentException("no vertex with id " + vertexId);
    }
    return p;
  }

  /** Every edge, in plan order. */
  public List<PhysicalEdge> edges() {
    return edges;
  }

  /** Tasks in the topological order of their heads. */
  public List<TaskSpec> tasks() {
    return tasks;
  }

  public TaskSpec taskOf(String vertexId) {
    TaskSpec task = taskOfVertex.get(vertexId);
    if (task == null) {
      throw new IllegalArgumentException("no vertex with id " + vertexId);
    }
    return task;
  }

  /** One line per task, e.g. {@code Lines -> Tokenize x2 => Count -> Print x4}, for logs and tests. */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    for (TaskSpec task : tasks) {
      sb.append(task.name()).append(" x").append(task.parallelism());
      for (PhysicalEdge e : task.networkOutputs()) {
        sb.append(" | ").append(e);
      }
      sb.append('\n');
    }
    return sb.toString();
  }
}
