package io.weir.state;

/**
 * An accumulator per key that {@link #add} folds values into with the declared
 * {@link io.weir.api.AggregateFunction}; {@link #get} reads the result.
 */
public interface AggregatingState<IN, OUT> {
  /** Folds {@code value} into the current key's accumulator, creating one first if needed. */
  void add(IN value);

  /** The result of the current key's accumulator, or null when nothing was added. */
  OUT get();

  /** Removes the current key's accumulator. */
  void clear();
}
