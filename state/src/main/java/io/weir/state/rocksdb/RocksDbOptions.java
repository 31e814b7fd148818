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
 */
public record RocksDbOptions(int writeBufferMegabytes, int blockCacheMegabytes, int maxBackgroundJobs,
    SnapshotType snapshotType, int recordCacheKilobytes) {
  /** 8 MB per operator instance: tens of thousands of small keys, next to Kafka Streams' 10 MB default. */
  public static final int DEFAULT_RECORD_CACHE_KILOBYTES = 8 * 1024;

  public RocksDbOptions {
    if (writeBufferMegabytes < 1 || blockCacheMegabytes < 1 || maxBackgroundJobs < 1) {
      throw new IllegalArgumentException("RocksDB options must be positive: " + writeBufferMegabytes + " MB write buffer, "
          + blockCacheMegabytes + " MB block cache, " + maxBackgroundJobs + " background jobs");
    }
    if (recordCacheKilobytes < 0) {
      throw new IllegalArgumentException("record cache size must be 0 (off) or positive: " + recordCacheKilobytes + " KB");
    }
    Objects.requireNonNull(snapshotType, "snapshotType");
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
    return new RocksDbOptions(writeBufferMegabytes, blockCacheMegabytes, maxBackgroundJobs, type, recordCacheKilobytes);
  }

  /** These options with a record cache of {@code kilobytes} per operator instance; 0 turns it off. */
  public RocksDbOptions withRecordCacheKilobytes(int kilobytes) {
    return new RocksDbOptions(writeBufferMegabytes, blockCacheMegabytes, maxBackgroundJobs, snapshotType, kilobytes);
  }
}
