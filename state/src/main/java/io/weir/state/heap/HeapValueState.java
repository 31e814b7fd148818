package io.weir.state.heap;

import io.weir.state.ValueState;

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
    return (T) backend.read(table).get(backend.key());
  }

  @Override
  public void update(T value) {
    if (value == null) {
      clear();
    } else {
      backend.write(table).put(backend.key(), value);
    }
  }

  @Override
  public void clear() {
    if (backend.read(table).containsKey(backend.key())) {
      backend.write(table).remove(backend.key());
    }
  }
}
