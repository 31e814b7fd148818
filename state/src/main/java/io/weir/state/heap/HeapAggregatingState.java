package io.weir.state.heap;

import io.weir.api.AggregateFunction;
import io.weir.state.AggregatingState;
import io.weir.state.heap.StateTable.Owned;
import io.weir.state.serialization.BinaryInput;
import io.weir.state.serialization.BinaryOutput;
import io.weir.state.serialization.TypeSerializer;
import java.util.Objects;

/**
 * Aggregating state on the heap. Aggregate functions may update accumulators in place, so an
 * accumulator a snapshot may still hold is copied (through its serializer) before the first add
 * of a new epoch.
 */
final class HeapAggregatingState<IN, ACC, OUT> implements AggregatingState<IN, OUT> {
  private final HeapKeyedStateBackend backend;
  private final StateTable table;
  private final AggregateFunction<IN, ACC, OUT> aggregator;
  private final TypeSerializer<ACC> serializer;
  private final BinaryOutput copyBuffer = new BinaryOutput();
  private final BinaryInput copyInput = new BinaryInput();

  HeapAggregatingState(HeapKeyedStateBackend backend, StateTable table,
      AggregateFunction<IN, ACC, OUT> aggregator, TypeSerializer<ACC> serializer) {
    this.backend = backend;
    this.table = table;
    this.aggregator = aggregator;
    this.serializer = serializer;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void add(IN value) {
    Objects.requireNonNull(value, "AggregatingState.add(null)");
    Owned<ACC> owned = (Owned<ACC>) backend.getForUpdate(table);
    ACC accumulator;
    if (owned == null) {
      accumulator = aggregator.createAccumulator();
    } else if (owned.epoch() != table.epoch()) {
      accumulator = copy(owned.value());
    } else {
      accumulator = owned.value();
    }
    ACC result = aggregator.add(value, accumulator);
    if (result == null) {
      throw new IllegalStateException(aggregator.getClass().getName() + ".add returned null for " + table.descriptor);
    }
    backend.put(table, new Owned<>(result, table.epoch()));
  }

  private ACC copy(ACC accumulator) {
    copyBuffer.clear();
    serializer.serialize(accumulator, copyBuffer);
    copyInput.reset(copyBuffer.array(), 0, copyBuffer.position());
    return serializer.deserialize(copyInput);
  }

  @Override
  @SuppressWarnings("unchecked")
  public OUT get() {
    Owned<ACC> owned = (Owned<ACC>) backend.get(table);
    return owned == null ? null : aggregator.getResult(owned.value());
  }

  @Override
  public void clear() {
    backend.remove(table);
  }
}
