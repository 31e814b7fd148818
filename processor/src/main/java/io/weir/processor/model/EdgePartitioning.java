package io.weir.processor.model;

/** Mirrors {@code io.weir.runtime.plan.Partitioning}; the processor does not depend on the runtime. */
public enum EdgePartitioning {
  FORWARD,
  HASH,
  REBALANCE,
  BROADCAST
}
