package io.weir.processor.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Turns one validated job of a {@link JobGraph} into a {@link JobModel}: vertices in topological
 * order (Kahn's algorithm, smallest qualified name first among the ready ones), edges with their
 * target inputs and partitionings. Call only for jobs without errors: it assumes every edge
 * matches an input and the graph has no cycle.
 */
public final class JobAssembler {
  private final Elements elements;
  private final InputMatcher matcher;

  public JobAssembler(Elements elements, Types types) {
    this.elements = elements;
    this.matcher = new InputMatcher(types);
  }

  public JobModel assemble(JobGraph graph, String job, JobSettings settings) {
    Set<String> members = graph.members(job);
    List<VertexModel> order = topologicalOrder(graph, members);
    List<EdgeModel> edges = new ArrayList<>();
    for (VertexModel target : order) {
      for (VertexModel upstream : graph.upstreams(target)) {
        int input = matcher.match(upstream.outputNamed(target.readsOutput()), target.inputs());
        if (input < 0) {
          throw new IllegalStateException(
              "unvalidated edge " + upstream.qualifiedName() + " -> " + target.qualifiedName());
        }
        edges.add(new EdgeModel(upstream, target, input, partitioning(target), target.readsOutput()));
      }
    }
    String packageName = elements.getPackageOf(graph.sources(job).get(0).element()).getQualifiedName().toString();
    int parallelism = settings == null ? JobSettings.DEFAULT_PARALLELISM : settings.parallelism();
    int maxParallelism = settings == null ? JobSettings.DEFAULT_MAX_PARALLELISM : settings.maxParallelism();
    String stateBackend = settings == null ? JobSettings.DEFAULT_STATE_BACKEND : settings.stateBackend();
    return new JobModel(job, parallelism, maxParallelism, stateBackend, List.copyOf(order), List.copyOf(edges), packageName);
  }

  /** HASH into keyed vertices; otherwise as the target's exchange says, FORWARD for AUTO. */
  static EdgePartitioning partitioning(VertexModel target) {
    if (target.keyed()) {
      return EdgePartitioning.HASH;
    }
    return switch (target.exchange()) {
      case "REBALANCE" -> EdgePartitioning.REBALANCE;
      case "BROADCAST" -> EdgePartitioning.BROADCAST;
      default -> EdgePartitioning.FORWARD;
    };
  }

  private static List<VertexModel> topologicalOrder(JobGraph graph, Set<String> members) {
    Map<String, Integer> waitingFor = new HashMap<>();
    PriorityQueue<VertexModel> ready = new PriorityQueue<>(Comparator.comparing(VertexModel::qualifiedName));
    for (String name : members) {
      VertexModel vertex = graph.model().vertex(name);
      int count = graph.upstreams(vertex).size();
      waitingFor.put(name, count);
      if (count == 0) {
        ready.add(vertex);
      }
    }
    List<VertexModel> order = new ArrayList<>();
    while (!ready.isEmpty()) {
      VertexModel next = ready.poll();
      order.add(next);
      for (String downstream : graph.downstreams(next)) {
        if (members.contains(downstream) && waitingFor.merge(downstream, -1, Integer::sum) == 0) {
          ready.add(graph.model().vertex(downstream));
        }
      }
    }
    if (order.size() != members.size()) {
      throw new IllegalStateException("job has a cycle");
    }
    return order;
  }
}
