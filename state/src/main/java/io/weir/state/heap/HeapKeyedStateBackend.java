package io.weir.state.heap;

import io.weir.state.AggregatingState;
import io.weir.state.KeyGroupRange;
import io.weir.state.ListState;
import io.weir.state.MapState;
import io.weir.state.ReducingState;
import io.weir.state.ValueState;
import io.weir.state.backend.KeyedStateBackend;
import io.weir.state.backend.StateDescriptor;
import io.weir.state.serialization.TypeSerializer;
import io.weir.state.snapshot.SnapshotManifest;
import io.weir.state.snapshot.SnapshotStorage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.LinkedHashMap;
import java.util.Map;

/** Heap keyed state of one operator instance; see {@link HeapStateBackend}. */
final class HeapKeyedStateBackend implements KeyedStateBackend {
  private final String operatorId;
  private final KeyGroupRange range;
  private final int maxParallelism;
  private HeapRestore restore;
  private final Map<String, StateTable> tables = new LinkedHashMap<>();
  private final Map<String, Object> handles = new HashMap<>();

  private Object currentKey;
  private int currentHash;
  private int currentIndex = -1;
  private long keyStamp; // counts setCurrentKey calls: StateTable reuses a slot only within one

  HeapKeyedStateBackend(String operatorId, KeyGroupRange range, int maxParallelism) {
    if (range.first() < 0 || range.last() >= maxParallelism) {
      throw new IllegalArgumentException("key-group range " + range + " outside [0, " + maxParallelism + ")");
    }
    this.operatorId = operatorId;
    this.range = range;
    this.maxParallelism = maxParallelism;
  }

  @Override
  public KeyGroupRange keyGroupRange() {
    return range;
  }

  @Override
  public void setCurrentKey(Object key, int keyGroup) {
    range.checkContains(keyGroup, key, operatorId);
    if (key == null) {
      throw new NullPointerException("operator " + operatorId + ": keyed state needs a non-null key");
    }
    currentKey = key;
    currentHash = KeyGroupMap.hashOf(key); // once per record, not once per state access
    currentIndex = keyGroup - range.first();
    keyStamp++;
  }

  @Override
  public Object currentKey() {
    return currentKey;
  }

  /** The current key's value in {@code table}, or null. */
  Object get(StateTable table) {
    KeyGroupMap map = table.read(checkedIndex(table));
    int slot = table.slot(map, currentKey, currentHash, keyStamp);
    return slot < 0 ? null : map.valueAt(slot);
  }

  /**
   * The current key's value in {@code table}, or null, read from the map that a following
   * {@link #put} writes (copied first if a snapshot holds it), for read-modify-write.
   */
  Object getForUpdate(StateTable table) {
    KeyGroupMap map = table.write(checkedIndex(table));
    int slot = table.slot(map, currentKey, currentHash, keyStamp);
    return slot < 0 ? null : map.valueAt(slot);
  }

  /** The current key's value in {@code table}, a table of unboxed longs, or null. */
  Long getLong(StateTable table) {
    KeyGroupMap map = table.read(checkedIndex(table));
    int slot = table.slot(map, currentKey, currentHash, keyStamp);
    return slot < 0 ? null : map.longAt(slot);
  }

  /** Sets the current key's value in {@code table}, a table of unboxed longs. */
  void putLong(StateTable table, long value) {
    table.putLong(table.write(checkedIndex(table)), currentKey, currentHash, keyStamp, value);
  }

  /** Sets the current key's value in {@code table}; {@code value} is not null. */
  void put(StateTable table, Object value) {
    table.put(table.write(checkedIndex(table)), currentKey, currentHash, keyStamp, value);
  }

  /** Removes the current key's entry from {@code table}, copying the map only if there is one. */
  void remove(StateTable table) {
    int index = checkedIndex(table);
    if (table.slot(table.read(index), currentKey, currentHash, keyStamp) >= 0) {
      table.write(index).remove(currentKey, currentHash);
    }
  }

  private int checkedIndex(StateTable table) {
    if (currentIndex < 0) {
      throw new IllegalStateException(
          table.descriptor + " used with no current key: keyed state is only available while processing a record");
    }
    return currentIndex;
  }

  @Override
  public <T> ValueState<T> valueState(StateDescriptor<T> descriptor) {
    return handle(descriptor, StateDescriptor.Kind.VALUE, ValueState.class);
  }

  @Override
  public <T> ListState<T> listState(StateDescriptor<T> descriptor) {
    return handle(descriptor, StateDescriptor.Kind.LIST, ListState.class);
  }

  @Override
  public <T> ReducingState<T> reducingState(StateDescriptor<T> descriptor) {
    return handle(descriptor, StateDescriptor.Kind.REDUCING, ReducingState.class);
  }

  @Override
  public <IN, ACC, OUT> AggregatingState<IN, OUT> aggregatingState(StateDescriptor<ACC> descriptor) {
    return handle(descriptor, StateDescriptor.Kind.AGGREGATING, AggregatingState.class);
  }

  @Override
  public <K, V> MapState<K, V> mapState(StateDescriptor<V> descriptor) {
    return handle(descriptor, StateDescriptor.Kind.MAP, MapState.class);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private <S> S handle(StateDescriptor<?> descriptor, StateDescriptor.Kind kind, Class<?> type) {
    if (descriptor.kind() != kind) {
      throw new IllegalArgumentException(descriptor + " requested as " + type.getSimpleName());
    }
    StateTable existing = tables.get(descriptor.name());
    if (existing != null) {
      StateDescriptor<?> old = existing.descriptor;
      if (old.kind() != descriptor.kind() || !old.formatIdentity().equals(descriptor.formatIdentity())) {
        throw new IllegalArgumentException(
            "state '" + descriptor.name() + "' of operator " + operatorId + " is already registered as " + old
                + " with serializers " + old.formatIdentity());
      }
      return (S) handles.get(descriptor.name());
    }
    StateTable table = new StateTable(descriptor, range.size());
    if (restore != null) {
      restore.restoreInto(table, range);
    }
    tables.put(descriptor.name(), table);
    Object handle =
        switch (kind) {
          case VALUE -> table.unboxedLongs() ? new HeapLongValueState(this, table) : new HeapValueState<>(this, table);
          case LIST -> new HeapListState<>(this, table);
          case REDUCING -> new HeapReducingState<>(this, table, descriptor.reducer());
          case AGGREGATING -> new HeapAggregatingState(this, table, descriptor.aggregator(), descriptor.serializer());
          case MAP -> new HeapMapState<>(this, table);
        };
    handles.put(descriptor.name(), handle);
    return (S) handle;
  }

  @Override
  @SuppressWarnings("unchecked")
  public CompletableFuture<SnapshotManifest> snapshot(
      String snapshotName, TypeSerializer<?> keySerializer, SnapshotStorage storage, Executor writer) {
    // Task thread: freeze every table in name order (an array copy each); the rest runs on writer.
    List<HeapSnapshotWriter.Frozen> frozen = new ArrayList<>();
    for (StateTable table : new TreeMap<>(tables).values()) {
      frozen.add(new HeapSnapshotWriter.Frozen(table.descriptor, table.freeze()));
    }
    HeapSnapshotWriter snapshot = new HeapSnapshotWriter(operatorId, snapshotName, range, maxParallelism,
        (TypeSerializer<Object>) keySerializer, List.copyOf(frozen));
    return CompletableFuture.supplyAsync(() -> snapshot.write(storage), writer);
  }

  @Override
  @SuppressWarnings("unchecked")
  public void restore(SnapshotStorage storage, List<String> snapshotNames, TypeSerializer<?> keySerializer) {
    if (!tables.isEmpty() || restore != null) {
      throw new IllegalStateException("operator " + operatorId + ": restore before registering any state, once");
    }
    restore = HeapRestore.read(storage, snapshotNames, range, maxParallelism, (TypeSerializer<Object>) keySerializer);
  }

  @Override
  public long keyCount(String stateName) {
    StateTable table = tables.get(stateName);
    return table == null ? 0 : table.size();
  }

  @Override
  public void close() {
    tables.clear();
    handles.clear();
  }
}
