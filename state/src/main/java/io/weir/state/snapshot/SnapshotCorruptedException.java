package io.weir.state.snapshot;

/**
 * A snapshot cannot be restored: a file is missing, truncated or fails its checksum, or it does
 * not match the state it is restored into. Thrown before any state is changed.
 */
public final class SnapshotCorruptedException extends RuntimeException {
  public SnapshotCorruptedException(String message) {
    super(message);
  }

  public SnapshotCorruptedException(String message, Throwable cause) {
    super(message, cause);
  }
}
