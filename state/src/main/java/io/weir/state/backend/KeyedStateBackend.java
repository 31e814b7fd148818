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
 * The keyed state of one parallel operator instance: every state of the operator, for every key
 * in its key-group range. The task thread sets the current key before each record; the state
 * objects it hands out read and write that key's entry. Single-threaded: only the task thread
 * calls it.
 */
public interface KeyedStateBackend extends AutoCloseable {

  /** The key groups this instance owns. */
  KeyGroupRange keyGroupRange();

  /**
   * Makes {@code key}, which falls in {@code keyGroup}, the current key. Keys compare by
   * {@code equals}; the caller computed the key group from the key's stable hash.
   */
  void setCurrentKey(Object key, int keyGroup);

  /** The current key, or null before the first {@link #setCurrentKey}. */
  Object currentKey();

  /**
   * The value state described by {@code descriptor}. Asking twice for one name returns the same
   * state; asking for a name already used with another kind or serializer fails.
   */
  <T> ValueState<T> valueState(StateDescriptor<T> descriptor);

  /** The list state described by {@code descriptor}; see {@link #valueState}. */
  <T> ListState<T> listState(StateDescriptor<T> descriptor);

  /** The reducing state described by {@code descriptor}; see {@link #valueState}. */
  <T> ReducingState<T> reducingState(StateDescriptor<T> descriptor);

  /**
   * The aggregating state described by {@code descriptor}, whose accumulators have type
   * {@code ACC}; see {@link #valueState}. {@code IN} and {@code OUT} are the aggregator's.
   */
  <IN, ACC, OUT> AggregatingState<IN, OUT> aggregatingState(StateDescriptor<ACC> descriptor);

  /** The map state described by {@code descriptor}, with map keys of type {@code K}; see {@link #valueState}. */
  <K, V> MapState<K, V> mapState(StateDescriptor<V> descriptor);

  /** Number of keys with any state in {@code stateName}, for tests and metrics. */
  long keyCount(String stateName);

  /**
   * Starts a snapshot of every state, published to {@code storage} as manifest {@code snapshotName}
   * (plus data files). Called on the task thread between two records: that call only freezes the
   * state (copy-on-write), serializing and writing run on {@code writer} while processing goes on,
   * and later updates never reach the snapshot. The future completes with the published manifest,
   * or exceptionally if writing failed (then nothing was published).
   *
   * @param keySerializer serializer of the keys given to {@link #setCurrentKey}
   */
  CompletableFuture<SnapshotManifest> snapshot(
      String snapshotName, TypeSerializer<?> keySerializer, SnapshotStorage storage, Executor writer);

  /**
   * The type {@link #snapshot(String, TypeSerializer, SharedFileRegistry, Executor)} writes when the
   * caller does not choose: {@link SnapshotType#FULL} unless the backend is configured otherwise
   * (RocksDB: {@code RocksDbOptions.snapshotType}).
   */
  default SnapshotType defaultSnapshotType() {
    return SnapshotType.FULL;
  }

  /** As {@link #snapshot(String, TypeSerializer, SharedFileRegistry, Executor, SnapshotType)} with {@link #defaultSnapshotType()}. */
  default CompletableFuture<SnapshotManifest> snapshot(
      String snapshotName, TypeSerializer<?> keySerializer, SharedFileRegistry registry, Executor writer) {
    return snapshot(snapshotName, keySerializer, registry, writer, defaultSnapshotType());
  }

  /**
   * As {@link #snapshot(String, TypeSerializer, SnapshotStorage, Executor)} into
   * {@code registry.storage()}, and registers the published snapshot in {@code registry}, so that
   * {@link SharedFileRegistry#discard} later deletes exactly the files no retained snapshot needs.
   * {@link SnapshotType#INCREMENTAL} uploads only files earlier snapshots of this instance did not
   * (RocksDB); backends without native snapshots write {@link SnapshotType#FULL} for either type.
   */
  default CompletableFuture<SnapshotManifest> snapshot(String snapshotName, TypeSerializer<?> keySerializer,
      SharedFileRegistry registry, Executor writer, SnapshotType type) {
    registry.checkUnused(snapshotName);
    return snapshot(snapshotName, keySerializer, registry.storage(), writer).thenApply(manifest -> {
      registry.register(snapshotName, manifest);
      return manifest;
    });
  }

  /**
   * Restores the key groups of this instance's range from the snapshots {@code snapshotNames}
   * (of any number of instances and any parallelism, with the same max parallelism). Must be called
   * before any state is registered; states are filled as the operator registers them. Every
   * checksum is verified first, so a damaged snapshot throws
   * {@link io.weir.state.snapshot.SnapshotCorruptedException} without restoring anything.
   */
  void restore(SnapshotStorage storage, List<String> snapshotNames, TypeSerializer<?> keySerializer);

  /** Releases the backend's resources; state is gone afterwards. */
  @Override
  void close();
}
