package io.weir.runtime.network;

import io.weir.state.KeyGroups;

/**
 * {@link KeyGroups#keyGroupFor} for one max parallelism, without its division on the record path:
 * for a power-of-two max parallelism (the default 128 is one) {@code floorMod(h, m)} is
 * {@code h & (m - 1)}. Same result for every hash (tested against {@link KeyGroups}).
 */
public final class KeyGroupAssigner {
  private final int maxParallelism;
  private final int mask;

  public KeyGroupAssigner(int maxParallelism) {
    if (maxParallelism < 1) {
      throw new IllegalArgumentException("max parallelism must be positive, got " + maxParallelism);
    }
    this.maxParallelism = maxParallelism;
    this.mask = Integer.bitCount(maxParallelism) == 1 ? maxParallelism - 1 : -1;
  }

  /** The key group of a key whose stable hash is {@code keyHash}. */
  public int keyGroup(int keyHash) {
    int mixed = KeyGroups.mixedHash(keyHash);
    return mask >= 0 ? mixed & mask : Math.floorMod(mixed, maxParallelism);
  }

  public int maxParallelism() {
    return maxParallelism;
  }
}
