package io.weir.runtime.checkpoint;

import io.weir.state.snapshot.LocalDirectorySnapshotStorage;
import io.weir.state.snapshot.SnapshotStorage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Checkpoint storage in directories every process of the job sees: periodic checkpoints go to the
 * job's checkpoint directory, each savepoint to the directory its options name (opened once and
 * shared by the subtasks of this process). Thread-safe.
 */
public final class DirectoryCheckpointStorageAccess implements CheckpointStorageAccess {
  private final SnapshotStorage checkpoints;
  private final ConcurrentMap<String, SnapshotStorage> savepoints = new ConcurrentHashMap<>();

  /** {@code checkpoints}: the job's checkpoint storage, or null when the job takes only savepoints. */
  public DirectoryCheckpointStorageAccess(SnapshotStorage checkpoints) {
    this.checkpoints = checkpoints;
  }

  @Override
  public SnapshotStorage storageFor(CheckpointOptions options) throws IOException {
    if (!options.isSavepoint()) {
      if (checkpoints == null) {
        throw new IOException("the job has no checkpoint directory; only savepoints can be taken");
      }
      return checkpoints;
    }
    SnapshotStorage existing = savepoints.get(options.targetLocation());
    if (existing != null) {
      return existing;
    }
    SnapshotStorage opened = new LocalDirectorySnapshotStorage(Path.of(options.targetLocation()));
    SnapshotStorage raced = savepoints.putIfAbsent(options.targetLocation(), opened);
    return raced == null ? opened : raced;
  }

  /** Forgets savepoint storages once their savepoint is done, so a long job does not collect them. */
  public void release(String savepointLocation) {
    savepoints.remove(savepointLocation);
  }
}
