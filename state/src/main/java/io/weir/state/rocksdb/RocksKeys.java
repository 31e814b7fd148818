package io.weir.state.rocksdb;

import java.util.Arrays;

/**
 * The RocksDB key layout: {@code [key group: 2 bytes big-endian][varint length][serialized key]},
 * followed for map state by the serialized map key. Key group first, so one key group (or a range
 * of them) is one contiguous run of keys that can be cut out; the length makes every prefix unique
 * so one key's map entries never mix with another key's.
 */
final class RocksKeys {
  private RocksKeys() {}

  static byte[] prefix(int keyGroup, byte[] key, int keyLength) {
    byte[] prefix = new byte[2 + varIntSize(keyLength) + keyLength];
    prefix[0] = (byte) (keyGroup >>> 8);
    prefix[1] = (byte) keyGroup;
    int p = 2;
    int v = keyLength;
    while ((v & ~0x7F) != 0) {
      prefix[p++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    prefix[p++] = (byte) v;
    System.arraycopy(key, 0, prefix, p, keyLength);
    return prefix;
  }

  /** Above every key: keys start with two key-group bytes and a varint of at most 5 bytes whose last is below 0x10. */
  static final byte[] AFTER_ALL_KEYS = {-1, -1, -1, -1, -1, -1, -1};

  /** The smallest key of {@code keyGroup}: its two bytes, a bound for deleteRange and iteration. */
  static byte[] keyGroupStart(int keyGroup) {
    return new byte[] {(byte) (keyGroup >>> 8), (byte) keyGroup};
  }

  /** The exclusive upper bound of the keys of key groups up to {@code lastKeyGroup}. */
  static byte[] keyGroupEnd(int lastKeyGroup) {
    return lastKeyGroup >= 0xFFFF ? AFTER_ALL_KEYS : keyGroupStart(lastKeyGroup + 1);
  }

  static int keyGroup(byte[] rocksKey) {
    return ((rocksKey[0] & 0xFF) << 8) | (rocksKey[1] & 0xFF);
  }

  /** Length of the {@code [key group][length][key]} prefix of {@code rocksKey}. */
  static int prefixLength(byte[] rocksKey) {
    return keyStart(rocksKey) + userKeyLength(rocksKey);
  }

  /** The serialized key inside a prefix. */
  static byte[] userKey(byte[] rocksKey) {
    int start = keyStart(rocksKey);
    return Arrays.copyOfRange(rocksKey, start, start + userKeyLength(rocksKey));
  }

  /** Offset of the serialized key: after the two key-group bytes and the varint length. */
  private static int keyStart(byte[] rocksKey) {
    int p = 2;
    while ((rocksKey[p++] & 0x80) != 0) {
      // skip the varint's continuation bytes
    }
    return p;
  }

  private static int userKeyLength(byte[] rocksKey) {
    int p = 2;
    int length = 0;
    int shift = 0;
    byte b;
    do {
      b = rocksKey[p++];
      length |= (b & 0x7F) << shift;
      shift += 7;
    } while ((b & 0x80) != 0);
    return length;
  }

  static boolean startsWith(byte[] key, byte[] prefix) {
    return key.length >= prefix.length && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] joined = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, joined, a.length, b.length);
    return joined;
  }

  static int varIntSize(int v) {
    int size = 1;
    while ((v & ~0x7F) != 0) {
      size++;
      v >>>= 7;
    }
    return size;
  }
}
