package io.weir.state.rocksdb;

import io.weir.state.backend.StateDescriptor;
import io.weir.state.serialization.BinaryOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * Turns the RocksDB entries of one state, fed in key order (which is key-group order), into the
 * backend-neutral sections of {@link io.weir.state.snapshot.KeyedSnapshotReader}, one per key
 * group: a count, then per key the serialized key and the value (a list as count and elements, a
 * map as count and key/value pairs, gathered from the map's separate RocksDB entries). Needs no
 * serializer: keys and values are copied as the bytes they are.
 */
final class CanonicalSections {
  /** Receives each finished section; {@code bytes} is reused after the call returns. */
  interface Sink {
    void section(int keyGroup, byte[] bytes, int length) throws IOException;
  }

  private final StateDescriptor.Kind kind;
  private final Sink sink;
  private final BinaryOutput body = new BinaryOutput(64 * 1024);
  private final BinaryOutput mapEntries = new BinaryOutput(1024);
  private final BinaryOutput section = new BinaryOutput(64 * 1024);
  private int keyGroup = -1;
  private int count;
  private byte[] mapPrefix;
  private int mapCount;

  CanonicalSections(StateDescriptor.Kind kind, Sink sink) {
    this.kind = kind;
    this.sink = sink;
  }

  /** Adds one RocksDB entry; entries must come in key order. */
  void add(byte[] key, byte[] value) throws IOException {
    int group = RocksKeys.keyGroup(key);
    if (group != keyGroup) {
      finish();
      keyGroup = group;
    }
    int prefixLength = RocksKeys.prefixLength(key);
    if (kind == StateDescriptor.Kind.MAP) {
      if (mapPrefix != null && !Arrays.equals(mapPrefix, 0, mapPrefix.length, key, 0, prefixLength)) {
        closeMap();
      }
      if (mapPrefix == null) {
        mapPrefix = Arrays.copyOf(key, prefixLength);
      }
      mapCount++;
      mapEntries.writeBytes(key, prefixLength, key.length - prefixLength);
      mapEntries.writeBytes(value, 0, value.length);
      return;
    }
    byte[] userKey = RocksKeys.userKey(key);
    body.writeBytes(userKey, 0, userKey.length);
    if (kind == StateDescriptor.Kind.LIST) {
      List<int[]> elements = RocksListState.elements(value);
      body.writeVarInt(elements.size());
      for (int[] element : elements) {
        body.writeBytes(value, element[0], element[1]);
      }
    } else {
      body.writeBytes(value, 0, value.length);
    }
    count++;
  }

  private void closeMap() {
    byte[] userKey = RocksKeys.userKey(mapPrefix);
    body.writeBytes(userKey, 0, userKey.length);
    body.writeVarInt(mapCount);
    body.writeBytes(mapEntries.array(), 0, mapEntries.position());
    count++;
    mapEntries.clear();
    mapCount = 0;
    mapPrefix = null;
  }

  /** Hands the current key group's section, if it has entries, to the sink. Call once more at the end. */
  void finish() throws IOException {
    if (mapPrefix != null) {
      closeMap();
    }
    if (count == 0) {
      return;
    }
    section.clear();
    section.writeVarInt(count);
    section.writeBytes(body.array(), 0, body.position());
    sink.section(keyGroup, section.array(), section.position());
    body.clear();
    count = 0;
  }
}
