package io.weir.state;

/**
 * One value per key that {@link #add} folds new values into with the declared
 * {@link io.weir.api.ReduceFunction}.
 */
public interface ReducingState<T> {
  /** Folds {@code value} into the current key's value (or sets it when there is none). */
  void add(T value);

  /** The current key's folded value, or null when nothing was added. */
  T get();

  /** Removes the current key's value. */
  void clear();
}
