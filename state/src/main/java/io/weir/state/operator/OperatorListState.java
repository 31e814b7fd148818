package io.weir.state.operator;

import io.weir.state.ListState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A list that belongs to one operator instance, not to a key. Snapshots copy the list reference
 * and the next change copies the list, so a snapshot in progress never sees later changes.
 */
final class OperatorListState<T> implements ListState<T> {
  private ArrayList<T> elements = new ArrayList<>();
  private boolean shared;

  private ArrayList<T> writable() {
    if (shared) {
      elements = new ArrayList<>(elements);
      shared = false;
    }
    return elements;
  }

  /** The elements as they are now, unchanged from here on. */
  List<T> freeze() {
    shared = true;
    return Collections.unmodifiableList(elements);
  }

  void restore(List<T> restored) {
    elements = new ArrayList<>(restored);
    shared = false;
  }

  @Override
  public void add(T value) {
    writable().add(Objects.requireNonNull(value, "ListState.add(null)"));
  }

  @Override
  public void addAll(List<T> values) {
    values.forEach(v -> Objects.requireNonNull(v, "ListState.addAll with a null element"));
    writable().addAll(values);
  }

  @Override
  public Iterable<T> get() {
    return Collections.unmodifiableList(elements);
  }

  @Override
  public void update(List<T> values) {
    values.forEach(v -> Objects.requireNonNull(v, "ListState.update with a null element"));
    elements = new ArrayList<>(values);
    shared = false;
  }

  @Override
  public void clear() {
    elements = new ArrayList<>();
    shared = false;
  }
}
