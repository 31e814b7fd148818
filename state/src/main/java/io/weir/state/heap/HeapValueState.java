package io.weir.state.heap;

import io.weir.state.ValueState;

/** Value state on the heap; {@code value()} then {@code update()} of one key probe the map once (see {@link StateTable}). */
final class HeapValueState<T> implements ValueState<T> {
  private final HeapKeyedStateBackend backend;
  private final StateTable table;

  HeapValueState(HeapKeyedStateBackend backend, StateTable table) {
    this.backend = backend;
    this.table = table;
  }

  @Override
  @SuppressWarnings("unchecked")
  public T value() {
    return (T) backend.get(table);
  }

  @Override
  public void update(T value) {
    if (value == null) {
      clear();
    } else {
      backend.put(table, value);
    }
  }

  @Override
  public void clear() {
    backend.remove(table);
  }
}
