package io.weir.state.rocksdb;

import io.weir.state.backend.StateDescriptor;
import io.weir.state.serialization.BinaryInput;
import io.weir.state.serialization.BinaryOutput;
import io.weir.state.serialization.TypeSerializer;
import io.weir.state.snapshot.KeyedSnapshotReader.Chunk;
import io.weir.state.snapshot.KeyedSnapshotReader.RestoredState;
import java.util.Arrays;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * Loads verified snapshot sections (of either backend) into a state's column family. The sections
 * hold serialized keys and values back to back; the serializers find where each ends, and the
 * bytes are copied as they are, in one write batch per key group.
 */
final class RocksRestore {
  private final RocksDB db;
  private final ColumnFamilyHandle column;
  private final WriteOptions writeOptions;
  private final StateDescriptor<?> descriptor;
  private final TypeSerializer<?> keySerializer;

  RocksRestore(RocksDB db, ColumnFamilyHandle column, WriteOptions writeOptions, StateDescriptor<?> descriptor,
      TypeSerializer<?> keySerializer) {
    this.db = db;
    this.column = column;
    this.writeOptions = writeOptions;
    this.descriptor = descriptor;
    this.keySerializer = keySerializer;
  }

  void load(RestoredState state) {
    for (Chunk chunk : state.chunks()) {
      try (WriteBatch batch = new WriteBatch()) {
        byte[] bytes = chunk.bytes();
        BinaryInput in = new BinaryInput(bytes);
        int count = in.readVarInt();
        for (int i = 0; i < count; i++) {
          int keyStart = in.position();
          keySerializer.deserialize(in);
          byte[] prefix = RocksKeys.prefix(chunk.keyGroup(),
              Arrays.copyOfRange(bytes, keyStart, in.position()), in.position() - keyStart);
          loadValue(batch, prefix, bytes, in);
        }
        db.write(writeOptions, batch);
      } catch (RocksDBException e) {
        throw new RocksDbStateException("cannot restore key group " + chunk.keyGroup() + " of " + descriptor, e);
      }
    }
  }

  private void loadValue(WriteBatch batch, byte[] prefix, byte[] bytes, BinaryInput in) throws RocksDBException {
    switch (descriptor.kind()) {
      case VALUE, REDUCING, AGGREGATING -> batch.put(column, prefix, slice(bytes, in, descriptor.serializer()));
      case LIST -> {
        int size = in.readVarInt();
        BinaryOutput list = new BinaryOutput();
        for (int e = 0; e < size; e++) {
          byte[] element = slice(bytes, in, descriptor.serializer());
          list.writeVarInt(element.length);
          list.writeBytes(element, 0, element.length);
        }
        batch.put(column, prefix, Arrays.copyOf(list.array(), list.position()));
      }
      case MAP -> {
        int size = in.readVarInt();
        for (int e = 0; e < size; e++) {
          byte[] mapKey = slice(bytes, in, descriptor.mapKeySerializer());
          batch.put(column, RocksKeys.concat(prefix, mapKey), slice(bytes, in, descriptor.serializer()));
        }
      }
    }
  }

  /** The bytes of the next value {@code serializer} reads. */
  private static byte[] slice(byte[] bytes, BinaryInput in, TypeSerializer<?> serializer) {
    int start = in.position();
    serializer.deserialize(in);
    return Arrays.copyOfRange(bytes, start, in.position());
  }
}
