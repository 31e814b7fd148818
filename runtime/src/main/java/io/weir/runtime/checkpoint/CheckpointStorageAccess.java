package io.weir.runtime.checkpoint;

import io.weir.state.snapshot.SnapshotStorage;
import java.io.IOException;

/**
 * Where a subtask writes its part of a checkpoint. Periodic checkpoints share the job's checkpoint
 * directory (all files of checkpoint {@code n} are named {@code chk-<n>-...}); a savepoint goes to
 * the directory its options name, which holds every file it needs.
 */
public interface CheckpointStorageAccess {

  /** The storage for a checkpoint taken with {@code options}; the same instance for every periodic checkpoint. */
  SnapshotStorage storageFor(CheckpointOptions options) throws IOException;
}
