package io.weir.api;

/** Where a job's keyed state lives; chosen per job in {@link Job#stateBackend()}, overridable when run. */
public enum StateBackendKind {
  /** Objects on the JVM heap: fastest, bounded by memory. The default. */
  HEAP,
  /** RocksDB on local disk: bounded by disk, every access (de)serializes. For state larger than the heap. */
  ROCKSDB;

  /** The name the runtime knows this backend by: {@code heap} or {@code rocksdb}. */
  public String runtimeName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
