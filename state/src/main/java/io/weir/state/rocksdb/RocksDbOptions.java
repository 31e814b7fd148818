package io.weir.state.rocksdb;

/**
 * Tuning of the RocksDB backend. The defaults suit a few GB of state per instance on SSD.
 *
 * @param writeBufferMegabytes size of a memtable per column family before it is flushed
 * @param blockCacheMegabytes read cache per instance
 * @param maxBackgroundJobs threads for flushes and compactions
 */
public record RocksDbOptions(int writeBufferMegabytes, int blockCacheMegabytes, int maxBackgroundJobs) {
  public RocksDbOptions {
    if (writeBufferMegabytes < 1 || blockCacheMegabytes < 1 || maxBackgroundJobs < 1) {
      throw new IllegalArgumentException("RocksDB options must be positive: " + this);
    }
  }

  public static RocksDbOptions defaults() {
    return new RocksDbOptions(64, 128, 2);
  }
}
