package io.weir.runtime.plan;

/**
 * A directed edge of the logical graph.
 *
 * @param from id of the upstream vertex
 * @param to id of the downstream vertex
 * @param targetInput which of the downstream's inputs (its input-type index) the records feed
 * @param partitioning how records are spread over the downstream's instances
 * @param output the upstream's side output the edge carries, or null for its main output
 */
public record EdgePlan(String from, String to, int targetInput, Partitioning partitioning, String output) {

  /** An edge carrying the upstream's main output. */
  public EdgePlan(String from, String to, int targetInput, Partitioning partitioning) {
    this(from, to, targetInput, partitioning, null);
  }
}
