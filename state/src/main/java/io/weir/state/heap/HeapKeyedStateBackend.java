package io.weir.state.heap;

import io.weir.state.KeyGroupRange;
import io.weir.state.ListState;
import io.weir.state.ReducingState;
import io.weir.state.ValueState;
import io.weir.state.backend.KeyedStateBackend;
import io.weir.state.backend.StateDescriptor;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Heap keyed state of one operator instance; see {@link HeapStateBackend}. */
final class HeapKeyedStateBackend implements KeyedStateBackend {
  private final String operatorId;
  private final KeyGroupRange range;
  private final Map<String, StateTable> tables = new LinkedHashMap<>();
  private final Map<String, Object> handles = new HashMap<>();

  private Object currentKey;
  private int currentIndex = -1;

  HeapKeyedStateBackend(String operatorId, KeyGroupRange range, int maxParallelism) {
    if (range.first() < 0 || range.last() >= maxParallelism) {
      throw new IllegalArgumentException("key-group range " + range + " outside [0, " + maxParallelism + ")");
    }
    this.operatorId = operatorId;
    this.range = range;
  }

  @Override
  public KeyGroupRange keyGroupRange() {
    return range;
  }

  @Override
  public void setCurrentKey(Object key, int keyGroup) {
    if (!range.contains(keyGroup)) {
      throw new IllegalArgumentException(
          "key '" + key + "' is in key group " + keyGroup + ", outside this instance's range " + range
              + " of operator " + operatorId);
    }
    currentKey = key;
    currentIndex = keyGroup - range.first();
  }

  @Override
  public Object currentKey() {
    return currentKey;
  }

  /** The current key's map in {@code table}; fails clearly when no key is set. */
  HashMap<Object, Object> current(StateTable table) {
    if (currentIndex < 0) {
      throw new IllegalStateException(
          table.descriptor + " used with no current key: keyed state is only available while processing a record");
    }
    return table.keyGroup(currentIndex);
  }

  Object key() {
    return currentKey;
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

  @SuppressWarnings("unchecked")
  private <S> S handle(StateDescriptor<?> descriptor, StateDescriptor.Kind kind, Class<?> type) {
    if (descriptor.kind() != kind) {
      throw new IllegalArgumentException(descriptor + " requested as " + type.getSimpleName());
    }
    StateTable existing = tables.get(descriptor.name());
    if (existing != null) {
      StateDescriptor<?> old = existing.descriptor;
      if (old.kind() != descriptor.kind() || !old.serializer().formatId().equals(descriptor.serializer().formatId())) {
        throw new IllegalArgumentException(
            "state '" + descriptor.name() + "' of operator " + operatorId + " is already registered as " + old
                + " with serializer " + old.serializer().formatId());
      }
      return (S) handles.get(descriptor.name());
    }
    StateTable table = new StateTable(descriptor, range.size());
    tables.put(descriptor.name(), table);
    Object handle =
        switch (kind) {
          case VALUE -> new HeapValueState<>(this, table);
          case LIST -> new HeapListState<>(this, table);
          case REDUCING -> new HeapReducingState<>(this, table, descriptor.reducer());
        };
    handles.put(descriptor.name(), handle);
    return (S) handle;
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
