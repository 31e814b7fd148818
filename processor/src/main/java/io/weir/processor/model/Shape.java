package io.weir.processor.model;

/** How a user method consumes one input type and what it emits. */
public enum Shape {
  /** {@code void process(In in, Emitter<Out> out)}: zero or more records per input. */
  FLAT_MAP,
  /** {@code Out process(In in)}: exactly one record per input. */
  MAP,
  /** {@code boolean filter(In in)}: the input itself when the method returns true. */
  FILTER,
  /** {@code void write(In in)}: a sink's consumer; emits nothing. */
  WRITE,
  /**
   * A {@code @Window} operator's input: records go into windows, and the method is the window
   * method {@code void window(K key, TimeWindow window, R result, Emitter<Out> out)}.
   */
  WINDOW
}
