package io.weir.state.rocksdb;

import io.weir.api.AggregateFunction;
import io.weir.api.ReduceFunction;
import io.weir.state.AggregatingState;
import io.weir.state.ReducingState;
import io.weir.state.ValueState;
import io.weir.state.backend.ReduceFailedException;
import io.weir.state.backend.StateDescriptor;
import io.weir.state.serialization.TypeSerializer;
import java.util.Objects;
import org.rocksdb.ColumnFamilyHandle;

/** The states that keep one serialized value per key: value, reducing and aggregating state. */
final class RocksSingleValueStates {
  private RocksSingleValueStates() {}

  static final class Value<T> extends RocksState implements ValueState<T> {
    private final TypeSerializer<T> serializer;

    Value(RocksDbKeyedStateBackend backend, ColumnFamilyHandle column, StateDescriptor<T> descriptor) {
      super(backend, column, descriptor);
      this.serializer = descriptor.serializer();
    }

    @Override
    public T value() {
      byte[] bytes = get(prefix());
      return bytes == null ? null : object(serializer, bytes);
    }

    @Override
    public void update(T value) {
      if (value == null) {
        clear();
      } else {
        put(prefix(), bytes(serializer, value));
      }
    }

    @Override
    public void clear() {
      delete(prefix());
    }
  }

  static final class Reducing<T> extends RocksState implements ReducingState<T> {
    private final TypeSerializer<T> serializer;
    private final ReduceFunction<T> reducer;

    Reducing(RocksDbKeyedStateBackend backend, ColumnFamilyHandle column, StateDescriptor<T> descriptor) {
      super(backend, column, descriptor);
      this.serializer = descriptor.serializer();
      this.reducer = descriptor.reducer();
    }

    @Override
    public void add(T value) {
      Objects.requireNonNull(value, "ReducingState.add(null)");
      byte[] key = prefix();
      byte[] old = get(key);
      T next = old == null ? value : ReduceFailedException.reduce(reducer, object(serializer, old), value, descriptor);
      put(key, bytes(serializer, next));
    }

    @Override
    public T get() {
      byte[] bytes = get(prefix());
      return bytes == null ? null : object(serializer, bytes);
    }

    @Override
    public void clear() {
      delete(prefix());
    }
  }

  static final class Aggregating<IN, ACC, OUT> extends RocksState implements AggregatingState<IN, OUT> {
    private final TypeSerializer<ACC> serializer;
    private final AggregateFunction<IN, ACC, OUT> aggregator;

    @SuppressWarnings("unchecked")
    Aggregating(RocksDbKeyedStateBackend backend, ColumnFamilyHandle column, StateDescriptor<ACC> descriptor) {
      super(backend, column, descriptor);
      this.serializer = descriptor.serializer();
      this.aggregator = (AggregateFunction<IN, ACC, OUT>) descriptor.aggregator();
    }

    @Override
    public void add(IN value) {
      Objects.requireNonNull(value, "AggregatingState.add(null)");
      byte[] key = prefix();
      byte[] old = get(key);
      ACC accumulator = old == null ? aggregator.createAccumulator() : object(serializer, old);
      ACC result = aggregator.add(value, accumulator);
      if (result == null) {
        throw new IllegalStateException(aggregator.getClass().getName() + ".add returned null for " + descriptor);
      }
      put(key, bytes(serializer, result));
    }

    @Override
    public OUT get() {
      byte[] bytes = get(prefix());
      return bytes == null ? null : aggregator.getResult(object(serializer, bytes));
    }

    @Override
    public void clear() {
      delete(prefix());
    }
  }
}
