package io.weir.state.operator;

/** How the elements of a non-keyed operator list state are handed out when parallelism changes. */
public enum Redistribution {
  /**
   * The elements of all old instances, in subtask order, are split into contiguous, nearly equal
   * parts, one per new instance (e.g. the partitions a source reads).
   */
  EVEN_SPLIT,
  /** Every new instance gets every element of every old instance (e.g. shared progress markers). */
  UNION
}
