package io.weir.api;

/** How records of a non-keyed input travel from upstream instances to this vertex's instances. */
public enum Exchange {
  /**
   * Instance i feeds instance i, in the same thread and without serialization, when both sides
   * have the same parallelism; otherwise round-robin as {@link #REBALANCE}.
   */
  AUTO,
  /** Round-robin over all downstream instances: evens out skew at the price of serialization. */
  REBALANCE,
  /** Every record to every downstream instance: for small reference data such as rules. */
  BROADCAST
}
