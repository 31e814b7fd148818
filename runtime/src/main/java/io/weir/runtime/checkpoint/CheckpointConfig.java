package io.weir.runtime.checkpoint;

import java.time.Duration;

/**
 * How a job checkpoints; the same for the embedded runtime and the cluster.
 *
 * @param interval time between the start of two periodic checkpoints; zero disables periodic
 *     checkpoints (savepoints still work)
 * @param timeout a checkpoint not complete by then is aborted
 * @param minPause least time between the end of one checkpoint and the start of the next
 * @param maxConcurrent how many checkpoints may be pending at once
 * @param mode exactly-once (default) or at-least-once
 * @param unaligned barriers overtake in-flight buffers (exactly-once only)
 * @param alignmentTimeout an aligned checkpoint aligning longer at a task switches to unaligned
 *     there; zero never switches
 * @param retained how many completed checkpoints are kept (at least 1)
 * @param directory the root where each job gets its checkpoint directory; a path every process
 *     of the job sees (a shared file system on a real cluster)
 */
public record CheckpointConfig(Duration interval, Duration timeout, Duration minPause, int maxConcurrent,
    CheckpointingMode mode, boolean unaligned, Duration alignmentTimeout, int retained, String directory) {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

  public CheckpointConfig {
    requireNotNegative("interval", interval);
    requireNotNegative("minPause", minPause);
    requireNotNegative("alignmentTimeout", alignmentTimeout);
    if (timeout == null || timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("checkpoint timeout must be positive, got " + timeout);
    }
    if (maxConcurrent < 1) {
      throw new IllegalArgumentException("maxConcurrent must be at least 1, got " + maxConcurrent);
    }
    if (retained < 1) {
      throw new IllegalArgumentException("retained checkpoints must be at least 1, got " + retained);
    }
    if (mode == null || directory == null) {
      throw new IllegalArgumentException("mode and directory are required");
    }
    if (unaligned && mode != CheckpointingMode.EXACTLY_ONCE) {
      throw new IllegalArgumentException("unaligned checkpoints exist only in exactly-once mode");
    }
  }

  private static void requireNotNegative(String what, Duration d) {
    if (d == null || d.isNegative()) {
      throw new IllegalArgumentException(what + " must not be negative, got " + d);
    }
  }

  /** No periodic checkpoints; savepoints go where they are asked to. */
  public static CheckpointConfig disabled() {
    return new CheckpointConfig(Duration.ZERO, DEFAULT_TIMEOUT, Duration.ZERO, 1, CheckpointingMode.EXACTLY_ONCE, false,
        Duration.ZERO, 1, "");
  }

  /** Exactly-once aligned checkpoints every {@code interval} into {@code directory}, keeping the last one. */
  public static CheckpointConfig every(Duration interval, String directory) {
    return new CheckpointConfig(interval, DEFAULT_TIMEOUT, Duration.ZERO, 1, CheckpointingMode.EXACTLY_ONCE, false,
        Duration.ZERO, 1, directory);
  }

  public boolean periodic() {
    return !interval.isZero();
  }

  public CheckpointConfig withInterval(Duration value) {
    return new CheckpointConfig(value, timeout, minPause, maxConcurrent, mode, unaligned, alignmentTimeout, retained, directory);
  }

  public CheckpointConfig withTimeout(Duration value) {
    return new CheckpointConfig(interval, value, minPause, maxConcurrent, mode, unaligned, alignmentTimeout, retained, directory);
  }

  public CheckpointConfig withMinPause(Duration value) {
    return new CheckpointConfig(interval, timeout, value, maxConcurrent, mode, unaligned, alignmentTimeout, retained, directory);
  }

  public CheckpointConfig withMaxConcurrent(int value) {
    return new CheckpointConfig(interval, timeout, minPause, value, mode, unaligned, alignmentTimeout, retained, directory);
  }

  public CheckpointConfig withMode(CheckpointingMode value) {
    return new CheckpointConfig(interval, timeout, minPause, maxConcurrent, value, unaligned, alignmentTimeout, retained, directory);
  }

  public CheckpointConfig withUnaligned(boolean value) {
    return new CheckpointConfig(interval, timeout, minPause, maxConcurrent, mode, value, alignmentTimeout, retained, directory);
  }

  public CheckpointConfig withAlignmentTimeout(Duration value) {
    return new CheckpointConfig(interval, timeout, minPause, maxConcurrent, mode, unaligned, value, retained, directory);
  }

  public CheckpointConfig withRetained(int value) {
    return new CheckpointConfig(interval, timeout, minPause, maxConcurrent, mode, unaligned, alignmentTimeout, value, directory);
  }

  public CheckpointConfig withDirectory(String value) {
    return new CheckpointConfig(interval, timeout, minPause, maxConcurrent, mode, unaligned, alignmentTimeout, retained, value);
  }
}
