package io.weir.processor.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The graph the {@code from} attributes describe, over every vertex of the compilation: which
 * vertex feeds which, which jobs each vertex is reachable from. A job is the set of sources naming
 * it plus everything reachable from them. Only upstreams that are sources or operators of this
 * compilation make graph edges; the validator reports the rest.
 */
public final class JobGraph {
  private final ProcessingModel model;
  private final Map<String, List<VertexModel>> sourcesByJob = new TreeMap<>();
  private final Map<String, Set<String>> downstreams = new TreeMap<>();
  private final Map<String, Set<String>> membersByJob = new TreeMap<>();
  private final Map<String, Set<String>> jobsByVertex = new TreeMap<>();

  public JobGraph(ProcessingModel model) {
    this.model = model;
    for (VertexModel vertex : model.vertices().values()) {
      if (vertex.role() == Role.SOURCE) {
        sourcesByJob.computeIfAbsent(vertex.jobName(), k -> new ArrayList<>()).add(vertex);
      }
      for (VertexModel upstream : upstreams(vertex)) {
        downstreams.computeIfAbsent(upstream.qualifiedName(), k -> new TreeSet<>()).add(vertex.qualifiedName());
      }
    }
    sourcesByJob.forEach((job, sources) -> {
      Set<String> members = reachableFrom(sources);
      membersByJob.put(job, members);
      members.forEach(v -> jobsByVertex.computeIfAbsent(v, k -> new TreeSet<>()).add(job));
    });
  }

  public ProcessingModel model() {
    return model;
  }

  /**
   * The distinct vertices {@code vertex} names in {@code from} that can feed it (sources and
   * operators of this compilation), in the order written.
   */
  public List<VertexModel> upstreams(VertexModel vertex) {
    List<VertexModel> result = new ArrayList<>();
    for (UpstreamRef ref : vertex.upstreams()) {
      VertexModel upstream = model.vertex(ref.qualifiedName());
      if (upstream != null && upstream.role() != Role.SINK && !result.contains(upstream)) {
        result.add(upstream);
      }
    }
    return result;
  }

  /** Qualified names of the vertices that name {@code vertex} in their {@code from}, sorted. */
  public Set<String> downstreams(VertexModel vertex) {
    return downstreams.getOrDefault(vertex.qualifiedName(), Set.of());
  }

  /** Job names, sorted. */
  public Set<String> jobNames() {
    return sourcesByJob.keySet();
  }

  /** The job's sources, sorted by qualified name. */
  public List<VertexModel> sources(String job) {
    return sourcesByJob.getOrDefault(job, List.of());
  }

  /** Qualified names of the job's vertices, sorted. */
  public Set<String> members(String job) {
    return membersByJob.getOrDefault(job, Set.of());
  }

  /** The jobs whose sources reach {@code vertex}, sorted; empty when none does. */
  public Set<String> jobsOf(VertexModel vertex) {
    return jobsByVertex.getOrDefault(vertex.qualifiedName(), Set.of());
  }

  private Set<String> reachableFrom(List<VertexModel> sources) {
    Set<String> seen = new TreeSet<>();
    Deque<String> work = new ArrayDeque<>();
    sources.forEach(s -> work.add(s.qualifiedName()));
    while (!work.isEmpty()) {
      String next = work.poll();
      if (seen.add(next)) {
        work.addAll(downstreams.getOrDefault(next, Set.of()));
      }
    }
    return seen;
  }
}
