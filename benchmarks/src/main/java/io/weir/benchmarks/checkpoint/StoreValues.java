package io.weir.benchmarks.checkpoint;

import io.weir.api.Keyed;
import io.weir.api.Sink;
import io.weir.api.State;
import io.weir.state.ValueState;

/** Keeps the latest value per key: one {@code ValueState<Long>} entry per key is the job's whole state. */
@Sink(from = KeyUpdates.class)
@Keyed("key")
public final class StoreValues {
  @State ValueState<Long> value;

  public void write(KeyUpdate update) {
    value.update(update.value());
  }
}
