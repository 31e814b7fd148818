package io.weir.runtime.graph;

import io.weir.runtime.plan.EdgePlan;
import io.weir.runtime.plan.Partitioning;
import io.weir.runtime.plan.VertexPlan;

/**
 * An edge of the physical graph: a logical edge with its partitioning resolved for the actual
 * parallelisms.
 *
 * @param plan the logical edge
 * @param from upstream vertex
 * @param to downstream vertex
 * @param partitioning resolved partitioning; {@link Partitioning#FORWARD} on a non-chained edge
 *     means instance i feeds instance i over the network (equal parallelism, but the downstream has
 *     several inputs and so heads its own task)
 * @param chained whether records are handed over by a direct call in the same thread
 */
public record PhysicalEdge(EdgePlan plan, VertexPlan from, VertexPlan to, Partitioning partitioning, boolean chained) {

  public int targetInput() {
    return plan.targetInput();
  }

  @Override
  public String toString() {
    return from.name() + " -" + (chained ? "chained" : partitioning.name()) + "-> " + to.name();
  }
}
