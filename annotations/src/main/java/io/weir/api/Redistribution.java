package io.weir.api;

/**
 * How the elements of an operator state list (a {@link State} field of a {@link Source} or of a
 * sink that is not {@link Keyed}) are handed out when a job restores from a snapshot, in
 * particular at another parallelism.
 */
public enum Redistribution {
  /**
   * The elements of all old instances, in subtask order, are dealt out in contiguous runs of nearly
   * equal length, one run per new instance: every element goes to exactly one instance. Use it for
   * work that can be split, e.g. one element per input partition with its read position.
   */
  EVEN_SPLIT,
  /**
   * Every new instance gets every element of every old instance. Use it when each instance needs
   * the whole picture and picks its own part, e.g. global progress markers.
   */
  UNION
}
