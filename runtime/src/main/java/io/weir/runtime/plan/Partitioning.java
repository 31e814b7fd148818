package io.weir.runtime.plan;

/** How an edge distributes records over the downstream vertex's parallel instances. */
public enum Partitioning {
  /**
   * Instance i to instance i when both vertices have the same parallelism (and then chained into
   * one thread); the runtime turns it into {@link #REBALANCE} when the parallelisms differ.
   */
  FORWARD,
  /** By the downstream's key: key hash to key group to instance. */
  HASH,
  /** Round-robin. */
  REBALANCE,
  /** Every record to every instance. */
  BROADCAST
}
