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

  /** The current key's stored value, through the record cache when there is one. */
  abstract static class SingleValue extends RocksState {
    private final RocksRecordCache cache;
    private final int slot;
    /** Values are deeply immutable (their serializer says so): the cache may hand out one object again and again. */
    private final boolean immutable;
    private final BinaryOutput scratch = new BinaryOutput(64);

    SingleValue(RocksDbKeyedStateBackend backend, ColumnFamilyHandle column, StateDescriptor<?> descriptor) {
      super(backend, column, descriptor);
      this.cache = backend.recordCache();
      this.slot = cache == null ? -1 : cache.register(column);
      this.immutable = descriptor.serializer().immutableValues();
    }

    /**
     * The current key's value, or null: a fresh object unless its type is immutable, so a caller
     * mutating it changes nothing stored, with the cache on or off.
     */
    @SuppressWarnings("unchecked")
    final <T> T load(TypeSerializer<T> serializer) {
      if (cache == null) {
        byte[] bytes = get(prefix());
        return bytes == null ? null : object(serializer, bytes);
      }
      RocksRecordCache.Entry entry = backend.cacheEntry(descriptor);
      byte[] bytes = cache.read(entry, slot);
      if (bytes == null) {
        return null;
      }
      if (!immutable) {
        return object(serializer, bytes);
      }
      T kept = (T) cache.object(entry, slot);
      if (kept == null) {
        kept = object(serializer, bytes);
        cache.remember(entry, slot, kept);
      }
      return kept;
    }

    final <T> void store(TypeSerializer<T> serializer, T value) {
      scratch.clear();
      serializer.serialize(value, scratch);
      if (cache == null) {
        put(prefix(), scratch.array(), scratch.position());
      } else {
        cache.write(backend.cacheEntry(descriptor), slot, scratch.array(), scratch.position(), immutable ? value : null);
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
      return load(serializer);
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
      T old = load(serializer);
      T next = old == null ? value : ReduceFailedException.reduce(reducer, old, value, descriptor);
      store(serializer, next);
    }

    @Override
    public T get() {
      return load(serializer);
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
      ACC old = load(serializer);
      ACC accumulator = old == null ? aggregator.createAccumulator() : old;
      ACC result = aggregator.add(value, accumulator);
      if (result == null) {
        throw new IllegalStateException(aggregator.getClass().getName() + ".add returned null for " + descriptor);
      }
      store(serializer, result);
    }

    @Override
    public OUT get() {
      ACC accumulator = load(serializer);
      return accumulator == null ? null : aggregator.getResult(accumulator);
    }

    @Override
    public void clear() {
      remove();
    }
  }
}
