package io.weir.runtime.testing;

import io.weir.state.AggregatingState;
import io.weir.state.KeyGroupRange;
import io.weir.state.ListState;
import io.weir.state.MapState;
import io.weir.state.ReducingState;
import io.weir.state.ValueState;
import io.weir.state.backend.KeyedStateBackend;
import io.weir.state.backend.StateDescriptor;
import io.weir.state.serialization.TypeSerializer;
import io.weir.state.snapshot.SharedFileRegistry;
import io.weir.state.snapshot.SnapshotManifest;
import io.weir.state.snapshot.SnapshotStorage;
import io.weir.state.snapshot.SnapshotType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** Delegates to a real backend and remembers the descriptors the operator registered, so tests can read its state by name. */
final class RecordingStateBackend implements KeyedStateBackend {
  private final KeyedStateBackend delegate;
  private final Map<String, StateDescriptor<?>> descriptors = new HashMap<>();

  RecordingStateBackend(KeyedStateBackend delegate) {
    this.delegate = delegate;
  }

  /** The descriptor registered as {@code name}; fails listing the registered names. */
  StateDescriptor<?> descriptor(String name, StateDescriptor.Kind kind) {
    StateDescriptor<?> d = descriptors.get(name);
    if (d == null) {
      throw new IllegalArgumentException("the operator has no state named '" + name + "'; states: " + descriptors.keySet());
    }
    if (d.kind() != kind) {
      throw new IllegalArgumentException("state '" + name + "' is " + d.kind() + " state, not " + kind);
    }
    return d;
  }

  @Override
  public KeyGroupRange keyGroupRange() {
    return delegate.keyGroupRange();
  }

  @Override
  public void setCurrentKey(Object key, int keyGroup) {
    delegate.setCurrentKey(key, keyGroup);
  }

  @Override
  public Object currentKey() {
    return delegate.currentKey();
  }

  @Override
  public <T> ValueState<T> valueState(StateDescriptor<T> descriptor) {
    ValueState<T> state = delegate.valueState(descriptor);
    descriptors.put(descriptor.name(), descriptor);
    return state;
  }

  @Override
  public <T> ListState<T> listState(StateDescriptor<T> descriptor) {
    ListState<T> state = delegate.listState(descriptor);
    descriptors.put(descriptor.name(), descriptor);
    return state;
  }

  @Override
  public <T> ReducingState<T> reducingState(StateDescriptor<T> descriptor) {
    ReducingState<T> state = delegate.reducingState(descriptor);
    descriptors.put(descriptor.name(), descriptor);
    return state;
  }

  @Override
  public <IN, ACC, OUT> AggregatingState<IN, OUT> aggregatingState(StateDescriptor<ACC> descriptor) {
    AggregatingState<IN, OUT> state = delegate.aggregatingState(descriptor);
    descriptors.put(descriptor.name(), descriptor);
    return state;
  }

  @Override
  public <K, V> MapState<K, V> mapState(StateDescriptor<V> descriptor) {
    MapState<K, V> state = delegate.mapState(descriptor);
    descriptors.put(descriptor.name(), descriptor);
    return state;
  }

  @Override
  public CompletableFuture<SnapshotManifest> snapshot(
      String snapshotName, TypeSerializer<?> keySerializer, SnapshotStorage storage, Executor writer) {
    return delegate.snapshot(snapshotName, keySerializer, storage, writer);
  }

  @Override
  public SnapshotType defaultSnapshotType() {
    return delegate.defaultSnapshotType();
  }

  @Override
  public CompletableFuture<SnapshotManifest> snapshot(String snapshotName, TypeSerializer<?> keySerializer,
      SharedFileRegistry registry, Executor writer, SnapshotType type) {
    return delegate.snapshot(snapshotName, keySerializer, registry, writer, type);
  }

  @Override
  public void restore(SnapshotStorage storage, List<String> snapshotNames, TypeSerializer<?> keySerializer) {
    delegate.restore(storage, snapshotNames, keySerializer);
  }

  @Override
  public long keyCount(String stateName) {
    return delegate.keyCount(stateName);
  }

  @Override
  public void close() {
    delegate.close();
  }
}
