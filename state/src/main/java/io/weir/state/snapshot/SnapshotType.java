package io.weir.state.snapshot;

/** How a keyed-state snapshot is written. */
public enum SnapshotType {
  /**
   * The backend-neutral canonical format: one data file of (state, key group) sections, readable by
   * every backend. Each snapshot writes all state.
   */
  FULL,
  /**
   * The backend's native files (RocksDB: the SST files of a checkpoint). A snapshot uploads only the
   * files no earlier snapshot of the same backend instance uploaded and references the others, which
   * {@link SharedFileRegistry} counts. Backends without native snapshots (the heap) write
   * {@link #FULL} instead.
   */
  INCREMENTAL
}
