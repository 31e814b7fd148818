package io.weir.state;

import java.util.List;

/** A list of values per key, scoped to the key of the record being processed. */
public interface ListState<T> {
  /** Appends a value to the current key's list. */
  void add(T value);

  /** Appends every value to the current key's list. */
  void addAll(List<T> values);

  /** The current key's values in insertion order; empty, never null, when none were added. */
  Iterable<T> get();

  /** Replaces the current key's list. */
  void update(List<T> values);

  /** Removes the current key's list. */
  void clear();
}
