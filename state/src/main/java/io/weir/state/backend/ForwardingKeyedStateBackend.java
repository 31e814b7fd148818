package io.weir.state.backend;

import io.weir.state.AggregatingState;
import io.weir.state.KeyGroupRange;
import io.weir.state.ListState;
import io.weir.state.MapState;
import io.weir.state.ReducingState;
import io.weir.state.ValueState;
import io.weir.state.serialization.TypeSerializer;
import io.weir.state.snapshot.SharedFileRegistry;
import io.weir.state.snapshot.SnapshotManifest;
import io.weir.state.snapshot.SnapshotStorage;
import io.weir.state.snapshot.SnapshotType;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * A keyed state backend that forwards every call to another one, for decorators (timers, the test
 * harness's recording) to extend, overriding only what they add. It forwards the interface's
 * default methods too: a decorator that inherited them instead would take snapshots through the
 * wrapped backend's full-snapshot path and silently lose its configured snapshot type. The one
 * default left to the interface, {@code snapshot(name, keySerializer, registry, writer)}, calls this
 * object's typed variant, so a decorator that acts on snapshots overrides the two it gets here:
 * the one into storage and the typed one into a registry.
 */
public abstract class ForwardingKeyedStateBackend implements KeyedStateBackend {
  protected final KeyedStateBackend delegate;

  protected ForwardingKeyedStateBackend(KeyedStateBackend delegate) {
    this.delegate = delegate;
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
    return delegate.valueState(descriptor);
  }

  @Override
  public <T> ListState<T> listState(StateDescriptor<T> descriptor) {
    return delegate.listState(descriptor);
  }

  @Override
  public <T> ReducingState<T> reducingState(StateDescriptor<T> descriptor) {
    return delegate.reducingState(descriptor);
  }

  @Override
  public <IN, ACC, OUT> AggregatingState<IN, OUT> aggregatingState(StateDescriptor<ACC> descriptor) {
    return delegate.aggregatingState(descriptor);
  }

  @Override
  public <K, V> MapState<K, V> mapState(StateDescriptor<V> descriptor) {
    return delegate.mapState(descriptor);
  }

  @Override
  public long keyCount(String stateName) {
    return delegate.keyCount(stateName);
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
  public void close() {
    delegate.close();
  }
}
