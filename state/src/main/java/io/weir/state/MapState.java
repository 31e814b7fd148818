package io.weir.state;

import java.util.Map;

/**
 * A map per key, scoped to the key of the record being processed. Keys and values are never null.
 * The views returned by {@link #entries}, {@link #keys} and {@link #values} are read-only and valid
 * until the state is next changed.
 */
public interface MapState<K, V> {
  /** The value of {@code key} in the current key's map, or null. */
  V get(K key);

  /** Sets {@code key} to {@code value} in the current key's map. */
  void put(K key, V value);

  /** Puts every entry of {@code entries}. */
  void putAll(Map<K, V> entries);

  /** Removes {@code key} from the current key's map. */
  void remove(K key);

  /** Whether the current key's map holds {@code key}. */
  boolean contains(K key);

  /** The current key's entries; empty, never null, when there are none. */
  Iterable<Map.Entry<K, V>> entries();

  /** The current key's map keys. */
  Iterable<K> keys();

  /** The current key's map values. */
  Iterable<V> values();

  /** Whether the current key's map is empty. */
  boolean isEmpty();

  /** Removes the current key's whole map. */
  void clear();
}
