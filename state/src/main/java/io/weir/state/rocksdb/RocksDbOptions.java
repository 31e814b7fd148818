package io.weir.state.rocksdb;

import io.weir.state.snapshot.SnapshotType;
import java.util.Objects;

/**
 * Tuning of the RocksDB backend. The defaults suit a few GB of state per instance on SSD.
 *
 * @param writeBufferMegabytes size of a memtable per column family before it is flushed
 * @param blockCacheMegabytes read cache per instance
 * @param maxBackgroundJobs threads for flushes and compactions
 * @param snapshotType what a snapshot writes when the caller does not choose
 *     ({@link io.weir.state.backend.KeyedStateBackend#defaultSnapshotType()}): the backend-neutral
 *     {@link SnapshotType#FULL} format (the default), or {@link SnapshotType#INCREMENTAL} checkpoints
 *     that upload only new SST files
 */
public record RocksDbOptions(int writeBufferMegabytes, int blockCacheMegabytes, int maxBackgroundJobs,
    SnapshotType snapshotType) {
  public RocksDbOptions {
    if (writeBufferMegabytes < 1 || blockCacheMegabytes < 1 || maxBackgroundJobs < 1) {
      throw new IllegalArgumentException("RocksDB options must be positive: " + writeBufferMegabytes + " MB write buffer, "
          + blockCacheMegabytes + " MB block cache, " + maxBackgroundJobs + " background jobs");
    }
    Objects.requireNonNull(snapshotType, "snapshotType");
  }

  /** Options that write {@link SnapshotType#FULL} snapshots unless the caller chooses otherwise. */
  public RocksDbOptions(int writeBufferMegabytes, int blockCacheMegabytes, int maxBackgroundJobs) {
    this(writeBufferMegabytes, blockCacheMegabytes, maxBackgroundJobs, SnapshotType.FULL);
  }

  public static RocksDbOptions defaults() {
    return new RocksDbOptions(64, 128, 2);
  }

  public RocksDbOptions withSnapshotType(SnapshotType type) {
    return new RocksDbOptions(writeBufferMegabytes, blockCacheMegabytes, maxBackgroundJobs, type);
  }
}
