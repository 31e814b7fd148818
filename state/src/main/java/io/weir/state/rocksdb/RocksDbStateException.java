package io.weir.state.rocksdb;

/** RocksDB failed to read or write state; the cause is RocksDB's exception. */
public final class RocksDbStateException extends RuntimeException {
  RocksDbStateException(String message, Throwable cause) {
    super(message, cause);
  }
}
