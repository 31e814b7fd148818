package io.weir.runtime.graph;

import io.weir.runtime.plan.EdgePlan;
import io.weir.runtime.plan.Partitioning;
import io.weir.runtime.plan.VertexPlan;
import io.weir.state.serialization.TypeSerializer;

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

  /** The side output the edge carries, or null for the main output. */
  public String output() {
    return plan.output();
  }

  /** Serializer of the records on this edge: the upstream's main or side output's. */
  public TypeSerializer<?> serializer() {
    return from.serializerOf(plan.output());
  }

  @Override
  public String toString() {
    return from.name() + " -" + (chained ? "chained" : partitioning.name()) + "-> " + to.name();
  }
}
