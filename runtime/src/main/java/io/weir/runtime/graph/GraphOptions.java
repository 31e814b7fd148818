package io.weir.runtime.graph;

import java.util.Map;

/**
 * Run-time choices that shape the physical graph.
 *
 * @param defaultParallelism replaces the job's declared default parallelism when positive; 0 keeps it
 * @param vertexParallelism parallelism per vertex name; wins over everything else
 * @param chainSingleInstanceExchanges chain an edge between two vertices that both run with
 *     parallelism 1 whatever its partitioning: with one instance on each side, hash, rebalance and
 *     broadcast all send every record to that instance, so a direct call is equivalent and saves
 *     serialization and a thread hop
 */
public record GraphOptions(int defaultParallelism, Map<String, Integer> vertexParallelism, boolean chainSingleInstanceExchanges) {

  public GraphOptions {
    if (defaultParallelism < 0) {
      throw new IllegalArgumentException("default parallelism must be positive (or 0 for the job's own), got " + defaultParallelism);
    }
    vertexParallelism = Map.copyOf(vertexParallelism);
  }

  /** The job's declared parallelism everywhere, single-instance exchanges chained. */
  public static GraphOptions defaults() {
    return new GraphOptions(0, Map.of(), true);
  }
}
