package io.weir.runtime.checkpoint;

/** What a snapshot of the whole job is for. */
public enum CheckpointType {
  /**
   * Taken periodically by the system for recovery: written to the job's checkpoint directory in
   * the backend's preferred format (RocksDB incremental), owned and deleted by the system.
   */
  CHECKPOINT,
  /**
   * Triggered by the user: always aligned, every keyed state in the canonical (backend-neutral,
   * full) format, every file inside its own directory, so it can be moved, restored into another
   * backend or at another parallelism. Never deleted by the system.
   */
  SAVEPOINT
}
