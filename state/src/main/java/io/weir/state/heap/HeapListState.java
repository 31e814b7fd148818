package io.weir.state.heap;

import io.weir.state.ListState;
import io.weir.state.heap.StateTable.Owned;
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
  private ArrayList<T> readList() {
    Owned<ArrayList<T>> owned = (Owned<ArrayList<T>>) backend.get(table);
    return owned == null ? null : owned.value();
  }

  /** The current key's list for appending, copied first when a snapshot may still hold it. */
  @SuppressWarnings("unchecked")
  private ArrayList<T> writableList() {
    Owned<ArrayList<T>> owned = (Owned<ArrayList<T>>) backend.getForUpdate(table);
    if (owned == null || owned.epoch() != table.epoch()) {
      owned = new Owned<>(owned == null ? new ArrayList<>() : new ArrayList<>(owned.value()), table.epoch());
      backend.put(table, owned);
    }
    return owned.value();
  }

  @Override
  public void add(T value) {
    Objects.requireNonNull(value, "ListState.add(null)");
    writableList().add(value);
  }

  @Override
  public void addAll(List<T> values) {
    for (T value : values) {
      Objects.requireNonNull(value, "ListState.addAll with a null element");
    }
    if (!values.isEmpty()) {
      writableList().addAll(values);
    }
  }

  @Override
  public Iterable<T> get() {
    ArrayList<T> list = readList();
    return list == null ? List.of() : Collections.unmodifiableList(list);
  }

  @Override
  public void update(List<T> values) {
    clear();
    addAll(values);
  }

  @Override
  public void clear() {
    if (readList() != null) {
      backend.remove(table);
    }
  }
}
