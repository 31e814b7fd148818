package io.weir.state.heap;

import io.weir.api.ReduceFunction;
import io.weir.state.ReducingState;
import io.weir.state.backend.ReduceFailedException;
import java.util.Objects;

final class HeapReducingState<T> implements ReducingState<T> {
  private final HeapKeyedStateBackend backend;
  private final StateTable table;
  private final ReduceFunction<T> reducer;

  HeapReducingState(HeapKeyedStateBackend backend, StateTable table, ReduceFunction<T> reducer) {
    this.backend = backend;
    this.table = table;
    this.reducer = reducer;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void add(T value) {
    Objects.requireNonNull(value, "ReducingState.add(null)");
    T old = (T) backend.getForUpdate(table);
    backend.put(table, old == null ? value : ReduceFailedException.reduce(reducer, old, value, table.descriptor));
  }

  @Override
  @SuppressWarnings("unchecked")
  public T get() {
    return (T) backend.get(table);
  }

  @Override
  public void clear() {
    backend.remove(table);
  }
}
