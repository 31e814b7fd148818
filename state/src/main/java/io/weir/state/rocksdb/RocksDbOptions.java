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
 * @param recordCacheKilobytes bound of the write-back record cache per operator instance in front
 *     of RocksDB for value, reducing and aggregating state (what Kafka Streams calls
 *     {@code cache.max.bytes.buffering}): recently used keys' values stay on the heap as bytes and
 *     reach RocksDB when evicted, before every snapshot and before anything reads RocksDB directly;
 *     0 turns it off. The size counts keys, values and an estimate of the bookkeeping per entry.
 * @param level0CompactionTrigger the number of level-0 files (one per flush, hence one per
 *     checkpoint) that starts a compaction into level 1; RocksDB's default is 4. Compactions
 *     rewrite SST files, so an incremental checkpoint after one uploads the rewritten files again
 */
public record RocksDbOptions(int writeBufferMegabytes, int blockCacheMegabytes, int maxBackgroundJobs,
    SnapshotType snapshotType, int recordCacheKilobytes, int level0CompactionTrigger) {
  /** 8 MB per operator instance: tens of thousands of small keys, next to Kafka Streams' 10 MB default. */
  public static final int DEFAULT_RECORD_CACHE_KILOBYTES = 8 * 1024;
  /** RocksDB's own default. */
  public static final int DEFAULT_LEVEL0_COMPACTION_TRIGGER = 4;

  public RocksDbOptions {
    if (writeBufferMegabytes < 1 || blockCacheMegabytes < 1 || maxBackgroundJobs < 1 || level0CompactionTrigger < 1) {
      throw new IllegalArgumentException("RocksDB options must be positive: " + writeBufferMegabytes + " MB write buffer, "
          + blockCacheMegabytes + " MB block cache, " + maxBackgroundJobs + " background jobs, level-0 compaction trigger "
          + level0CompactionTrigger);
    }
    if (recordCacheKilobytes < 0) {
      throw new IllegalArgumentException("record cache size must be 0 (off) or positive: " + recordCacheKilobytes + " KB");
    }
    Objects.requireNonNull(snapshotType, "snapshotType");
  }

  /** Options with RocksDB's default level-0 compaction trigger. */
  public RocksDbOptions(int writeBufferMegabytes, int blockCacheMegabytes, int maxBackgroundJobs,
      SnapshotType snapshotType, int recordCacheKilobytes) {
    this(writeBufferMegabytes, blockCacheMegabytes, maxBackgroundJobs, snapshotType, recordCacheKilobytes,
        DEFAULT_LEVEL0_COMPACTION_TRIGGER);
  }

  /** Options with the default record cache ({@link #DEFAULT_RECORD_CACHE_KILOBYTES}). */
  public RocksDbOptions(int writeBufferMegabytes, int blockCacheMegabytes, int maxBackgroundJobs,
      SnapshotType snapshotType) {
    this(writeBufferMegabytes, blockCacheMegabytes, maxBackgroundJobs, snapshotType, DEFAULT_RECORD_CACHE_KILOBYTES);
  }

  /** Options that write {@link SnapshotType#FULL} snapshots unless the caller chooses otherwise. */
  public RocksDbOptions(int writeBufferMegabytes, int blockCacheMegabytes, int maxBackgroundJobs) {
    this(writeBufferMegabytes, blockCacheMegabytes, maxBackgroundJobs, SnapshotType.FULL);
  }

  public static RocksDbOptions defaults() {
    return new RocksDbOptions(64, 128, 2);
  }

  public RocksDbOptions withSnapshotType(SnapshotType type) {
    return new RocksDbOptions(writeBufferMegabytes, blockCacheMegabytes, maxBackgroundJobs, type, recordCacheKilobytes,
        level0CompactionTrigger);
  }

  /** These options with a record cache of {@code kilobytes} per operator instance; 0 turns it off. */
  public RocksDbOptions withRecordCacheKilobytes(int kilobytes) {
    return new RocksDbOptions(writeBufferMegabytes, blockCacheMegabytes, maxBackgroundJobs, snapshotType, kilobytes,
        level0CompactionTrigger);
  }

  public RocksDbOptions withLevel0CompactionTrigger(int files) {
    return new RocksDbOptions(writeBufferMegabytes, blockCacheMegabytes, maxBackgroundJobs, snapshotType,
        recordCacheKilobytes, files);
  }
}
