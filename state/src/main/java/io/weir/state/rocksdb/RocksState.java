package io.weir.state.rocksdb;

import io.weir.state.backend.StateDescriptor;
import io.weir.state.serialization.BinaryInput;
import io.weir.state.serialization.BinaryOutput;
import io.weir.state.serialization.TypeSerializer;
import java.util.Arrays;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;

/** What every RocksDB state shares: its column family, the current key's prefix, and byte conversions. */
abstract class RocksState {
  final RocksDbKeyedStateBackend backend;
  final ColumnFamilyHandle column;
  final StateDescriptor<?> descriptor;
  private final BinaryOutput out = new BinaryOutput(128);

  RocksState(RocksDbKeyedStateBackend backend, ColumnFamilyHandle column, StateDescriptor<?> descriptor) {
    this.backend = backend;
    this.column = column;
    this.descriptor = descriptor;
  }

  byte[] prefix() {
    return backend.currentPrefix(descriptor);
  }

  @SuppressWarnings("unchecked")
  final <T> byte[] bytes(TypeSerializer<T> serializer, Object value) {
    out.clear();
    serializer.serialize((T) value, out);
    return Arrays.copyOf(out.array(), out.position());
  }

  static <T> T object(TypeSerializer<T> serializer, byte[] bytes) {
    return serializer.deserialize(new BinaryInput(bytes));
  }

  byte[] get(byte[] key) {
    try {
      return backend.db().get(column, key);
    } catch (RocksDBException e) {
      throw failure("read", e);
    }
  }

  void put(byte[] key, byte[] value) {
    try {
      backend.db().put(column, backend.writeOptions(), key, value);
    } catch (RocksDBException e) {
      throw failure("write", e);
    }
  }

  /** Writes the first {@code length} bytes of {@code value}: no copy of a serializer's buffer. */
  void put(byte[] key, byte[] value, int length) {
    try {
      backend.db().put(column, backend.writeOptions(), key, 0, key.length, value, 0, length);
    } catch (RocksDBException e) {
      throw failure("write", e);
    }
  }

  void delete(byte[] key) {
    try {
      backend.db().delete(column, backend.writeOptions(), key);
    } catch (RocksDBException e) {
      throw failure("delete", e);
    }
  }

  void merge(byte[] key, byte[] value) {
    try {
      backend.db().merge(column, backend.writeOptions(), key, value);
    } catch (RocksDBException e) {
      throw failure("append to", e);
    }
  }

  RocksDbStateException failure(String action, RocksDBException e) {
    return new RocksDbStateException("RocksDB could not " + action + " " + descriptor, e);
  }
}
