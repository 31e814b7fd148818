package io.weir.state.backend;

import io.weir.state.KeyGroupRange;
import io.weir.state.ListState;
import io.weir.state.ReducingState;
import io.weir.state.ValueState;

/**
 * The keyed state of one parallel operator instance: every state of the operator, for every key
 * in its key-group range. The task thread sets the current key before each record; the state
 * objects it hands out read and write that key's entry. Single-threaded: only the task thread
 * calls it.
 */
public interface KeyedStateBackend extends AutoCloseable {

  /** The key groups this instance owns. */
  KeyGroupRange keyGroupRange();

  /**
   * Makes {@code key}, which falls in {@code keyGroup}, the current key. Keys compare by
   * {@code equals}; the caller computed the key group from the key's stable hash.
   */
  void setCurrentKey(Object key, int keyGroup);

  /** The current key, or null before the first {@link #setCurrentKey}. */
  Object currentKey();

  /**
   * The value state described by {@code descriptor}. Asking twice for one name returns the same
   * state; asking for a name already used with another kind or serializer fails.
   */
  <T> ValueState<T> valueState(StateDescriptor<T> descriptor);

  /** The list state described by {@code descriptor}; see {@link #valueState}. */
  <T> ListState<T> listState(StateDescriptor<T> descriptor);

  /** The reducing state described by {@code descriptor}; see {@link #valueState}. */
  <T> ReducingState<T> reducingState(StateDescriptor<T> descriptor);

  /** Number of keys with any state in {@code stateName}, for tests and metrics. */
  long keyCount(String stateName);

  /** Releases the backend's resources; state is gone afterwards. */
  @Override
  void close();
}
