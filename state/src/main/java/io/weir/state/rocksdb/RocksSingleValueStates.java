package io.weir.state.rocksdb;

import io.weir.api.AggregateFunction;
import io.weir.api.ReduceFunction;
import io.weir.state.AggregatingState;
import io.weir.state.ReducingState;
import io.weir.state.ValueState;
import io.weir.state.backend.ReduceFailedException;
import io.weir.state.backend.StateDescriptor;
import io.weir.state.serialization.BinaryOutput;
import io.weir.state.serialization.TypeSerializer;
import java.util.Objects;
import org.rocksdb.ColumnFamilyHandle;

/**
 * The states that keep one serialized value per key: value, reducing and aggregating state. They
 * go through the backend's {@link RocksRecordCache} when it is on, else straight to RocksDB.
 */
final class RocksSingleValueStates {
  private RocksSingleValueStates() {}

  /** The current key's stored bytes, through the record cache when there is one. */
  abstract static class SingleValue extends RocksState {
    private final RocksRecordCache cache;
    private final int slot;
    private final BinaryOutput scratch = new BinaryOutput(64);

    SingleValue(RocksDbKeyedStateBackend backend, ColumnFamilyHandle column, StateDescriptor<?> descriptor) {
      super(backend, column, descriptor);
      this.cache = backend.recordCache();
      this.slot = cache == null ? -1 : cache.register(column);
    }

    /** The current key's serialized value, or null. With the cache on, the cache's own array: read, never keep. */
    final byte[] stored() {
      return cache == null ? get(prefix()) : cache.read(backend.cacheEntry(descriptor), slot);
    }

    final <T> void store(TypeSerializer<T> serializer, T value) {
      scratch.clear();
      serializer.serialize(value, scratch);
      if (cache == null) {
        put(prefix(), scratch.array(), scratch.position());
      } else {
        cache.write(backend.cacheEntry(descriptor), slot, scratch.array(), scratch.position());
      }
    }

    final void remove() {
      if (cache == null) {
        delete(prefix());
      } else {
        cache.clear(backend.cacheEntry(descriptor), slot);
      }
    }
  }

  static final class Value<T> extends SingleValue implements ValueState<T> {
    private final TypeSerializer<T> serializer;

    Value(RocksDbKeyedStateBackend backend, ColumnFamilyHandle column, StateDescriptor<T> descriptor) {
      super(backend, column, descriptor);
      this.serializer = descriptor.serializer();
    }

    @Override
    public T value() {
      byte[] bytes = stored();
      return bytes == null ? null : object(serializer, bytes);
    }

    @Override
    public void update(T value) {
      if (value == null) {
        clear();
      } else {
        store(serializer, value);
      }
    }

    @Override
    public void clear() {
      remove();
    }
  }

  static final class Reducing<T> extends SingleValue implements ReducingState<T> {
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
      byte[] old = stored();
      T next = old == null ? value : ReduceFailedException.reduce(reducer, object(serializer, old), value, descriptor);
      store(serializer, next);
    }

    @Override
    public T get() {
      byte[] bytes = stored();
      return bytes == null ? null : object(serializer, bytes);
    }

    @Override
    public void clear() {
      remove();
    }
  }

  static final class Aggregating<IN, ACC, OUT> extends SingleValue implements AggregatingState<IN, OUT> {
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
      byte[] old = stored();
      ACC accumulator = old == null ? aggregator.createAccumulator() : object(serializer, old);
      ACC result = aggregator.add(value, accumulator);
      if (result == null) {
        throw new IllegalStateException(aggregator.getClass().getName() + ".add returned null for " + descriptor);
      }
      store(serializer, result);
    }

    @Override
    public OUT get() {
      byte[] bytes = stored();
      return bytes == null ? null : aggregator.getResult(object(serializer, bytes));
    }

    @Override
    public void clear() {
      remove();
    }
  }
}
