package io.weir.state;

import org.apache.commons.codec.digest.MurmurHash3;

/**
 * Maps keys to key groups and key groups to parallel instances. A key's group depends only on its
 * stable hash and the job's max parallelism, never on the current parallelism, so keyed state can
 * be redistributed group by group when parallelism changes.
 */
public final class KeyGroups {
  private KeyGroups() {}

  /**
   * The key group, in {@code [0, maxParallelism)}, of a key whose stable hash is {@code keyHash}.
   * The hash is mixed with MurmurHash3 first: {@code String.hashCode} and friends cluster badly.
   */
  public static int keyGroupFor(int keyHash, int maxParallelism) {
    return Math.floorMod(mixedHash(keyHash), maxParallelism);
  }

  /**
   * The MurmurHash3 mix of a key's stable hash, which {@link #keyGroupFor} reduces modulo max
   * parallelism; exposed so faster reductions (a mask for powers of two) mix the same way.
   */
  public static int mixedHash(int keyHash) {
    return MurmurHash3.hash32(keyHash);
  }

  /** The parallel instance, in {@code [0, parallelism)}, that owns {@code keyGroup}. */
  public static int subtaskFor(int keyGroup, int maxParallelism, int parallelism) {
    return (int) ((long) keyGroup * parallelism / maxParallelism);
  }

  /** The contiguous range of key groups owned by {@code subtask}, the inverse of {@link #subtaskFor}. */
  public static KeyGroupRange rangeFor(int subtask, int maxParallelism, int parallelism) {
    if (parallelism < 1 || parallelism > maxParallelism) {
      throw new IllegalArgumentException(
          "parallelism " + parallelism + " must be between 1 and max parallelism " + maxParallelism);
    }
    if (subtask < 0 || subtask >= parallelism) {
      throw new IllegalArgumentException("subtask " + subtask + " outside [0, " + parallelism + ")");
    }
    int start = (int) (((long) subtask * maxParallelism + parallelism - 1) / parallelism);
    int endExclusive = (int) (((long) (subtask + 1) * maxParallelism + parallelism - 1) / parallelism);
    return new KeyGroupRange(start, endExclusive - 1);
  }
}
