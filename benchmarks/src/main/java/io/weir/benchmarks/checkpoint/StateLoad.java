package io.weir.benchmarks.checkpoint;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * JVM-wide meeting point of {@link CheckpointSizeBenchmark} and the sources of its embedded job:
 * each source instance reports when it has written every key of its share once, so the driver
 * knows from when on the state has its full size.
 */
final class StateLoad {
  private static final AtomicInteger loadedInstances = new AtomicInteger();
  private static final AtomicLong lastLoadedMillis = new AtomicLong();

  private StateLoad() {}

  static void reset() {
    loadedInstances.set(0);
    lastLoadedMillis.set(0);
  }

  /** A source instance has emitted every key of its share. */
  static void instanceLoaded() {
    lastLoadedMillis.accumulateAndGet(System.currentTimeMillis(), Math::max);
    loadedInstances.incrementAndGet();
  }

  static int loadedInstances() {
    return loadedInstances.get();
  }

  /** Wall-clock time the last instance finished loading (0 before). */
  static long lastLoadedMillis() {
    return lastLoadedMillis.get();
  }
}
