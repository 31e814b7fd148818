package io.weir.state.heap;

import io.weir.state.ValueState;

/**
 * {@code ValueState<Long>} over unboxed longs (see {@link KeyGroupMap}). {@link HeapValueState}
 * would work too, but passing the user's box down to the map's generic store, which may put it
 * into an {@code Object[]}, keeps C2 from removing it: W1's counter then allocated a {@code Long}
 * per update (40% of its allocation). Here the box is only unboxed.
 */
final class HeapLongValueState implements ValueState<Long> {
  private final HeapKeyedStateBackend backend;
  private final StateTable table;

  HeapLongValueState(HeapKeyedStateBackend backend, StateTable table) {
    this.backend = backend;
    this.table = table;
  }

  @Override
  public Long value() {
    return backend.getLong(table);
  }

  @Override
  public void update(Long value) {
    if (value == null) {
      clear();
    } else {
      backend.putLong(table, value);
    }
  }

  @Override
  public void clear() {
    backend.remove(table);
  }
}
