package io.weir.state.rocksdb;

import io.weir.state.MapState;
import io.weir.state.backend.StateDescriptor;
import io.weir.state.serialization.TypeSerializer;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksIterator;

/**
 * Each map entry is its own RocksDB key, {@code prefix + serialized map key}: a put or get touches
 * one entry, never the whole map. Iteration reads the key's run of entries in key order.
 */
final class RocksMapState<K, V> extends RocksState implements MapState<K, V> {
  private final TypeSerializer<K> keys;
  private final TypeSerializer<V> values;

  @SuppressWarnings("unchecked")
  RocksMapState(RocksDbKeyedStateBackend backend, ColumnFamilyHandle column, StateDescriptor<V> descriptor) {
    super(backend, column, descriptor);
    this.keys = (TypeSerializer<K>) descriptor.mapKeySerializer();
    this.values = descriptor.serializer();
  }

  private byte[] entryKey(K key) {
    return RocksKeys.concat(prefix(), bytes(keys, key));
  }

  @Override
  public V get(K key) {
    byte[] bytes = get(entryKey(key));
    return bytes == null ? null : object(values, bytes);
  }

  @Override
  public void put(K key, V value) {
    Objects.requireNonNull(key, "MapState.put with a null key");
    Objects.requireNonNull(value, "MapState.put with a null value");
    put(entryKey(key), bytes(values, value));
  }

  @Override
  public void putAll(Map<K, V> entries) {
    entries.forEach(this::put);
  }

  @Override
  public void remove(K key) {
    delete(entryKey(key));
  }

  @Override
  public boolean contains(K key) {
    return get(entryKey(key)) != null;
  }

  /** Calls {@code action} with the map-key bytes and value bytes of every entry of the current key. */
  private void scan(BiConsumer<byte[], byte[]> action, boolean firstOnly) {
    byte[] prefix = prefix();
    try (RocksIterator it = backend.db().newIterator(column)) {
      for (it.seek(prefix); it.isValid() && RocksKeys.startsWith(it.key(), prefix); it.next()) {
        byte[] key = it.key();
        action.accept(java.util.Arrays.copyOfRange(key, prefix.length, key.length), it.value());
        if (firstOnly) {
          return;
        }
      }
    }
  }

  @Override
  public Iterable<Map.Entry<K, V>> entries() {
    List<Map.Entry<K, V>> entries = new ArrayList<>();
    scan((k, v) -> entries.add(new AbstractMap.SimpleImmutableEntry<>(object(keys, k), object(values, v))), false);
    return Collections.unmodifiableList(entries);
  }

  @Override
  public Iterable<K> keys() {
    List<K> result = new ArrayList<>();
    scan((k, v) -> result.add(object(keys, k)), false);
    return Collections.unmodifiableList(result);
  }

  @Override
  public Iterable<V> values() {
    List<V> result = new ArrayList<>();
    scan((k, v) -> result.add(object(values, v)), false);
    return Collections.unmodifiableList(result);
  }

  @Override
  public boolean isEmpty() {
    boolean[] any = new boolean[1];
    scan((k, v) -> any[0] = true, true);
    return !any[0];
  }

  @Override
  public void clear() {
    List<byte[]> entryKeys = new ArrayList<>();
    byte[] prefix = prefix();
    scan((k, v) -> entryKeys.add(RocksKeys.concat(prefix, k)), false);
    entryKeys.forEach(this::delete);
  }
}
