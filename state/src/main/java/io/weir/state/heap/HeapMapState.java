package io.weir.state.heap;

import io.weir.state.MapState;
import io.weir.state.heap.StateTable.Owned;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Map state on the heap: one {@link HashMap} per key, copied on write while a snapshot holds it. */
final class HeapMapState<K, V> implements MapState<K, V> {
  private final HeapKeyedStateBackend backend;
  private final StateTable table;

  HeapMapState(HeapKeyedStateBackend backend, StateTable table) {
    this.backend = backend;
    this.table = table;
  }

  @SuppressWarnings("unchecked")
  private HashMap<K, V> readMap() {
    Owned<HashMap<K, V>> owned = (Owned<HashMap<K, V>>) backend.get(table);
    return owned == null ? null : owned.value();
  }

  @SuppressWarnings("unchecked")
  private HashMap<K, V> writableMap() {
    Owned<HashMap<K, V>> owned = (Owned<HashMap<K, V>>) backend.getForUpdate(table);
    if (owned == null || owned.epoch() != table.epoch()) {
      owned = new Owned<>(owned == null ? new HashMap<>() : new HashMap<>(owned.value()), table.epoch());
      backend.put(table, owned);
    }
    return owned.value();
  }

  @Override
  public V get(K key) {
    HashMap<K, V> map = readMap();
    return map == null ? null : map.get(key);
  }

  @Override
  public void put(K key, V value) {
    Objects.requireNonNull(key, "MapState.put with a null key");
    Objects.requireNonNull(value, "MapState.put with a null value");
    writableMap().put(key, value);
  }

  @Override
  public void putAll(Map<K, V> entries) {
    entries.forEach((k, v) -> {
      Objects.requireNonNull(k, "MapState.putAll with a null key");
      Objects.requireNonNull(v, "MapState.putAll with a null value");
    });
    if (!entries.isEmpty()) {
      writableMap().putAll(entries);
    }
  }

  @Override
  public void remove(K key) {
    HashMap<K, V> map = readMap();
    if (map == null || !map.containsKey(key)) {
      return;
    }
    HashMap<K, V> writable = writableMap();
    writable.remove(key);
    if (writable.isEmpty()) {
      backend.remove(table); // no empty maps: keyCount counts keys with entries
    }
  }

  @Override
  public boolean contains(K key) {
    HashMap<K, V> map = readMap();
    return map != null && map.containsKey(key);
  }

  @Override
  public Iterable<Map.Entry<K, V>> entries() {
    HashMap<K, V> map = readMap();
    return map == null ? List.of() : Collections.unmodifiableMap(map).entrySet();
  }

  @Override
  public Iterable<K> keys() {
    HashMap<K, V> map = readMap();
    return map == null ? List.of() : Collections.unmodifiableSet(map.keySet());
  }

  @Override
  public Iterable<V> values() {
    HashMap<K, V> map = readMap();
    return map == null ? List.of() : Collections.unmodifiableCollection(map.values());
  }

  @Override
  public boolean isEmpty() {
    HashMap<K, V> map = readMap();
    return map == null || map.isEmpty();
  }

  @Override
  public void clear() {
    if (readMap() != null) {
      backend.remove(table);
    }
  }
}
