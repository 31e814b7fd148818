package io.weir.state.heap;

import io.weir.state.ListState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

final class HeapListState<T> implements ListState<T> {
  private final HeapKeyedStateBackend backend;
  private final StateTable table;

  HeapListState(HeapKeyedStateBackend backend, StateTable table) {
    this.backend = backend;
    this.table = table;
  }

  @SuppressWarnings("unchecked")
  private ArrayList<T> list(boolean create) {
    var map = backend.current(table);
    ArrayList<T> list = (ArrayList<T>) map.get(backend.key());
    if (list == null && create) {
      list = new ArrayList<>();
      map.put(backend.key(), list);
    }
    return list;
  }

  @Override
  public void add(T value) {
    list(true).add(Objects.requireNonNull(value, "ListState.add(null)"));
  }

  @Override
  public void addAll(List<T> values) {
    for (T value : values) {
      Objects.requireNonNull(value, "ListState.addAll with a null element");
    }
    if (!values.isEmpty()) {
      list(true).addAll(values);
    }
  }

  @Override
  public Iterable<T> get() {
    ArrayList<T> list = list(false);
    return list == null ? List.of() : Collections.unmodifiableList(list);
  }

  @Override
  public void update(List<T> values) {
    clear();
    addAll(values);
  }

  @Override
  public void clear() {
    backend.current(table).remove(backend.key());
  }
}
