package io.weir.state;

/** A single value per key, scoped to the key of the record being processed. */
public interface ValueState<T> {
  /** The current key's value, or null when none was set. */
  T value();

  /** Sets the current key's value; {@code null} clears it. */
  void update(T value);

  /** Removes the current key's value. */
  void clear();
}
