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
 * @param level0CompactionTrigger the number of level-0 files (one per flush, hence one per
 *     checkpoint) that starts a compaction into level 1; RocksDB's default is 4. Compactions
 *     rewrite SST files, so an incremental checkpoint after one uploads the rewritten files again
 */
public record RocksDbOptions(int writeBufferMegabytes, int blockCacheMegabytes, int maxBackgroundJobs,
    SnapshotType snapshotType, int level0CompactionTrigger) {
  /** RocksDB's own default. */
  public static final int DEFAULT_LEVEL0_COMPACTION_TRIGGER = 4;

  public RocksDbOptions {
    if (writeBufferMegabytes < 1 || blockCacheMegabytes < 1 || maxBackgroundJobs < 1 || level0CompactionTrigger < 1) {
      throw new IllegalArgumentException("RocksDB options must be positive: " + writeBufferMegabytes + " MB write buffer, "
          + blockCacheMegabytes + " MB block cache, " + maxBackgroundJobs + " background jobs, level-0 compaction trigger "
          + level0CompactionTrigger);
    }
    Objects.requireNonNull(snapshotType, "snapshotType");
  }

  public RocksDbOptions(int writeBufferMegabytes, int blockCacheMegabytes, int maxBackgroundJobs,
      SnapshotType snapshotType) {
    this(writeBufferMegabytes, blockCacheMegabytes, maxBackgroundJobs, snapshotType, DEFAULT_LEVEL0_COMPACTION_TRIGGER);
  }

  /** Options that write {@link SnapshotType#FULL} snapshots unless the caller chooses otherwise. */
  public RocksDbOptions(int writeBufferMegabytes, int blockCacheMegabytes, int maxBackgroundJobs) {
    this(writeBufferMegabytes, blockCacheMegabytes, maxBackgroundJobs, SnapshotType.FULL);
  }

  public static RocksDbOptions defaults() {
    return new RocksDbOptions(64, 128, 2);
  }

  public RocksDbOptions withSnapshotType(SnapshotType type) {
    return new RocksDbOptions(writeBufferMegabytes, blockCacheMegabytes, maxBackgroundJobs, type,
        level0CompactionTrigger);
  }

  public RocksDbOptions withLevel0CompactionTrigger(int files) {
    return new RocksDbOptions(writeBufferMegabytes, blockCacheMegabytes, maxBackgroundJobs, snapshotType, files);
  }
}
