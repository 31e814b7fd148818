package io.weir.runtime.graph;

import io.weir.runtime.plan.JobPlan;
import io.weir.runtime.plan.VertexPlan;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Decides each vertex's parallelism. Precedence, strongest first: a per-vertex override given at
 * run time, the parallelism declared on the vertex, the job-wide default given at run time, the
 * job's declared default. A declared vertex parallelism beats a run-time job default because it
 * usually says something the code relies on (a source that reads a single socket, say).
 */
final class ParallelismResolver {
  private ParallelismResolver() {}

  /** Parallelism by vertex id. */
  static Map<String, Integer> resolve(JobPlan plan, GraphOptions options) {
    Set<String> names = new HashSet<>();
    for (VertexPlan v : plan.vertices()) {
      names.add(v.name());
    }
    for (String name : options.vertexParallelism().keySet()) {
      if (!names.contains(name)) {
        throw new IllegalArgumentException("job '" + plan.name() + "' has no vertex named '" + name
            + "' to set the parallelism of; vertices: " + plan.vertices().stream().map(VertexPlan::name).toList());
      }
    }
    int jobDefault = options.defaultParallelism() > 0 ? options.defaultParallelism() : plan.defaultParallelism();
    Map<String, Integer> result = new HashMap<>();
    for (VertexPlan v : plan.vertices()) {
      Integer override = options.vertexParallelism().get(v.name());
      int p = override != null ? override : v.parallelism() > 0 ? v.parallelism() : jobDefault;
      if (p < 1) {
        throw new IllegalArgumentException("job '" + plan.name() + "': vertex '" + v.name() + "' would run with parallelism "
            + p + "; parallelism must be at least 1");
      }
      if (v.keyed() && p > plan.maxParallelism()) {
        throw new IllegalArgumentException("job '" + plan.name() + "': keyed vertex '" + v.name() + "' would run with parallelism "
            + p + ", above the job's max parallelism " + plan.maxParallelism() + " (the number of key groups)");
      }
      result.put(v.id(), p);
    }
    return result;
  }
}
