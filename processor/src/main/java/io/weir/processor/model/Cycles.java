package io.weir.processor.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the cycles of a {@link JobGraph}: its strongly connected components with more than one
 * vertex, or one vertex that feeds itself (Tarjan's algorithm; vertices visited in name order so
 * results are stable).
 */
public final class Cycles {
  private final JobGraph graph;
  private final Map<String, Integer> index = new HashMap<>();
  private final Map<String, Integer> lowLink = new HashMap<>();
  private final List<String> stack = new ArrayList<>();
  private final List<List<VertexModel>> cycles = new ArrayList<>();
  private int counter;

  private Cycles(JobGraph graph) {
    this.graph = graph;
  }

  /** Each cycle's vertices, in the order the cycle runs, starting with the smallest name. */
  public static List<List<VertexModel>> of(JobGraph graph) {
    Cycles finder = new Cycles(graph);
    for (VertexModel vertex : graph.model().vertices().values()) {
      if (!finder.index.containsKey(vertex.qualifiedName())) {
        finder.visit(vertex);
      }
    }
    return finder.cycles;
  }

  private void visit(VertexModel vertex) {
    String name = vertex.qualifiedName();
    index.put(name, counter);
    lowLink.put(name, counter);
    counter++;
    stack.add(name);
    for (String downstream : graph.downstreams(vertex)) {
      if (!index.containsKey(downstream)) {
        visit(graph.model().vertex(downstream));
        lowLink.put(name, Math.min(lowLink.get(name), lowLink.get(downstream)));
      } else if (stack.contains(downstream)) {
        lowLink.put(name, Math.min(lowLink.get(name), index.get(downstream)));
      }
    }
    if (lowLink.get(name).equals(index.get(name))) {
      List<String> component = new ArrayList<>();
      String member;
      do {
        member = stack.remove(stack.size() - 1);
        component.add(member);
      } while (!member.equals(name));
      if (component.size() > 1 || graph.downstreams(vertex).contains(name)) {
        cycles.add(order(component));
      }
    }
  }

  /** A shortest walk around the component from its smallest name back to it (breadth first). */
  private List<VertexModel> order(List<String> component) {
    String start = component.stream().sorted().findFirst().orElseThrow();
    Map<String, String> previous = new HashMap<>();
    ArrayDeque<String> queue = new ArrayDeque<>(List.of(start));
    while (!queue.isEmpty() && !previous.containsKey(start)) {
      String current = queue.poll();
      for (String downstream : graph.downstreams(graph.model().vertex(current))) {
        if (component.contains(downstream) && !previous.containsKey(downstream)) {
          previous.put(downstream, current);
          queue.add(downstream);
        }
      }
    }
    List<VertexModel> walk = new ArrayList<>();
    String current = previous.get(start);
    while (!current.equals(start)) {
      walk.add(0, graph.model().vertex(current));
      current = previous.get(current);
    }
    walk.add(0, graph.model().vertex(start));
    return walk;
  }
}
