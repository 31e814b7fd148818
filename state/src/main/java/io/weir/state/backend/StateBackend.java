package io.weir.state.backend;

import io.weir.state.KeyGroupRange;
import io.weir.state.serialization.TypeSerializer;

/** Creates the keyed state of operator instances: the heap backend now, RocksDB later. */
public interface StateBackend {

  /** A short name such as {@code heap}, used in configuration and messages. */
  String name();

  /**
   * The keyed state of one instance of the operator {@code operatorId}, owning the key groups
   * {@code range} out of {@code maxParallelism}.
   */
  KeyedStateBackend createKeyedBackend(String operatorId, KeyGroupRange range, int maxParallelism);

  /**
   * As {@link #createKeyedBackend(String, KeyGroupRange, int)}, for keys that {@code keySerializer}
   * serializes; backends that store keys as bytes (RocksDB) need it, the heap backend ignores it.
   */
  default KeyedStateBackend createKeyedBackend(
      String operatorId, KeyGroupRange range, int maxParallelism, TypeSerializer<?> keySerializer) {
    return createKeyedBackend(operatorId, range, maxParallelism);
  }
}
