package io.weir.state.heap;

import io.weir.state.KeyGroupRange;
import io.weir.state.backend.KeyedStateBackend;
import io.weir.state.backend.StateBackend;

/** Keeps keyed state as objects on the JVM heap: fastest, bounded by memory. The default. */
public final class HeapStateBackend implements StateBackend {
  public static final String NAME = "heap";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public KeyedStateBackend createKeyedBackend(String operatorId, KeyGroupRange range, int maxParallelism) {
    return new HeapKeyedStateBackend(operatorId, range, maxParallelism);
  }
}
