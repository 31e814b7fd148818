package io.weir.state.heap;

import java.util.Objects;

/**
 * The entries of one state in one key group: an open-addressing hash map with linear probing
 * over three parallel arrays (spread hashes, keys, values).
 *
 * <p>Why not {@link java.util.HashMap}: W1's profile spent about 45% of its samples in
 * {@code HashMap.get}/{@code put}. Here a lookup reads an {@code int} array first and touches a
 * stored key only when the full hash matches; callers pass the hash (computed once per record, see
 * {@link #hashOf}) and get back a slot they can read and overwrite without a second lookup
 * ({@link HeapValueState}'s {@code value()} then {@code update()}). A copy for copy-on-write
 * snapshots is three array clones instead of one new node per entry.
 *
 * <p>Values of {@code Long} states (value and reducing states with {@link
 * io.weir.state.serialization.LongSerializer}) are kept unboxed in a {@code long[]}, boxed on
 * read and unboxed on write: the hot path then stores no pointer to a fresh {@code Long} into an
 * old array (a GC write barrier each time) and reads no {@code Long} that may have left the cache,
 * and when the state calls inline into user code such as {@code count.update(count.value() + 1)},
 * C2 removes the boxes altogether.
 *
 * <p>Keys and values are never null: an empty slot has a null key, and states clear an entry
 * instead of storing null. Removal shifts the following entries back (no tombstones), so
 * {@link #structure()} changes whenever an entry may have moved, appeared or disappeared; slots
 * remembered across such a change must be looked up again. Not thread-safe: the task thread
 * writes, and a map frozen for a snapshot is only read afterwards.
 */
final class KeyGroupMap {
  private static final int MIN_CAPACITY = 8;

  private int[] hashes;
  private Object[] keys;
  private Object[] values; // null when values are unboxed longs
  private long[] longs; // null unless values are unboxed longs
  private final boolean unboxedLongs;
  private int size;
  private int shift; // slot of a hash = hash >>> shift (its top bits)
  private int mask;
  private int structure;

  /** A map of object values. */
  KeyGroupMap() {
    this(false);
  }

  /** A map whose values are all {@code Long}s, kept unboxed if {@code unboxedLongs}. */
  KeyGroupMap(boolean unboxedLongs) {
    this.unboxedLongs = unboxedLongs;
    allocate(MIN_CAPACITY);
  }

  private KeyGroupMap(KeyGroupMap source) {
    unboxedLongs = source.unboxedLongs;
    hashes = source.hashes.clone();
    keys = source.keys.clone();
    values = unboxedLongs ? null : source.values.clone();
    longs = unboxedLongs ? source.longs.clone() : null;
    size = source.size;
    shift = source.shift;
    mask = source.mask;
    structure = source.structure; // same slots, so slots StateTable remembers stay valid in the copy
  }

  /**
   * The hash this map files {@code key} under: its {@code hashCode} times the 32-bit golden ratio,
   * so that the top bits, which pick the slot, depend on all of the key's hash bits. It is a
   * bijection, so keys with different {@code hashCode}s never share a stored hash.
   */
  static int hashOf(Object key) {
    return key.hashCode() * 0x9E3779B9;
  }

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** Number of slots; {@link #keyAt} and {@link #valueAt} accept {@code [0, capacity())}. */
  int capacity() {
    return keys.length;
  }

  /** Changes whenever slots may have moved, been filled or been emptied (not on value overwrites). */
  int structure() {
    return structure;
  }

  /** The slot holding {@code key}, whose {@link #hashOf} is {@code hash}, or -1. */
  int find(Object key, int hash) {
    int[] hs = hashes;
    Object[] ks = keys;
    int m = mask;
    for (int i = hash >>> shift; ; i = (i + 1) & m) {
      Object k = ks[i];
      if (k == null) {
        return -1;
      }
      if (hs[i] == hash && (k == key || k.equals(key))) {
        return i;
      }
    }
  }

  /** The key in {@code slot}, or null if the slot is empty. */
  Object keyAt(int slot) {
    return keys[slot];
  }

  /** The value in {@code slot}, which must hold an entry ({@link #keyAt} is not null). */
  Object valueAt(int slot) {
    return unboxedLongs ? Long.valueOf(longs[slot]) : values[slot];
  }

  /** Replaces the value of the entry in {@code slot}, a slot {@link #find} or {@link #put} returned. */
  void setValueAt(int slot, Object value) {
    Objects.requireNonNull(value, "heap state values are never null");
    if (unboxedLongs) {
      longs[slot] = (Long) value;
    } else {
      values[slot] = value;
    }
  }

  /** Whether values are unboxed longs ({@link #longAt}, {@link #setLongAt}, {@link #putLong}). */
  boolean unboxedLongs() {
    return unboxedLongs;
  }

  /** The unboxed value in {@code slot} of a map of unboxed longs; the slot must hold an entry. */
  long longAt(int slot) {
    return longs[slot];
  }

  /** Replaces the unboxed value in {@code slot} of a map of unboxed longs. */
  void setLongAt(int slot, long value) {
    longs[slot] = value;
  }

  /**
   * {@link #put} for a map of unboxed longs, taking the value unboxed, so that a caller's box
   * never reaches a store and C2 can drop it.
   */
  int putLong(Object key, int hash, long value) {
    Objects.requireNonNull(key, "heap state keys are never null");
    int slot = find(key, hash);
    if (slot < 0) {
      slot = insertSlot(key, hash);
    }
    longs[slot] = value;
    return slot;
  }

  /** The value of {@code key}, or null. */
  Object get(Object key, int hash) {
    int slot = find(key, hash);
    return slot < 0 ? null : valueAt(slot);
  }

  /** Maps {@code key} to {@code value} and returns its slot (valid until {@link #structure} changes). */
  int put(Object key, int hash, Object value) {
    Objects.requireNonNull(key, "heap state keys are never null");
    Objects.requireNonNull(value, "heap state values are never null");
    if (unboxedLongs) {
      return putLong(key, hash, (Long) value); // a wrong type fails here, before anything changed
    }
    int slot = find(key, hash);
    if (slot >= 0) {
      values[slot] = value;
      return slot;
    }
    slot = insertSlot(key, hash);
    values[slot] = value;
    return slot;
  }

  /** Files a new {@code key} (growing first if needed) and returns its slot; the caller sets the value. */
  private int insertSlot(Object key, int hash) {
    if ((size + 1) * 4L > keys.length * 3L) { // at most 3/4 full, so probe runs stay short
      resize(keys.length * 2);
    }
    int slot = emptySlotFor(hash);
    hashes[slot] = hash;
    keys[slot] = key;
    size++;
    structure++;
    return slot;
  }

  /** {@link #put} computing the hash; for restores and tests. */
  int put(Object key, Object value) {
    return put(key, hashOf(key), value);
  }

  /** Removes {@code key}'s entry and returns its value, or null if there was none. */
  Object remove(Object key, int hash) {
    int slot = find(key, hash);
    if (slot < 0) {
      return null;
    }
    Object old = valueAt(slot);
    removeAt(slot);
    return old;
  }

  /**
   * Empties {@code slot} and moves later entries of the same probe run back into the gap, so that
   * every entry stays reachable from its home slot without tombstones.
   */
  private void removeAt(int slot) {
    int[] hs = hashes;
    Object[] ks = keys;
    int m = mask;
    int gap = slot;
    for (int j = (slot + 1) & m; ks[j] != null; j = (j + 1) & m) {
      int home = hs[j] >>> shift;
      // the entry at j may fill the gap if the gap lies on its probe path, i.e. in [home, j)
      if (((j - home) & m) >= ((j - gap) & m)) {
        hs[gap] = hs[j];
        ks[gap] = ks[j];
        moveValue(j, gap);
        gap = j;
      }
    }
    hs[gap] = 0;
    ks[gap] = null;
    if (!unboxedLongs) {
      values[gap] = null;
    }
    size--;
    structure++;
  }

  /** An independent copy with the same slots, for copy-on-write after a snapshot froze this map. */
  KeyGroupMap copy() {
    return new KeyGroupMap(this);
  }

  private void moveValue(int from, int to) {
    if (unboxedLongs) {
      longs[to] = longs[from];
    } else {
      values[to] = values[from];
    }
  }

  private int emptySlotFor(int hash) {
    int i = hash >>> shift;
    while (keys[i] != null) {
      i = (i + 1) & mask;
    }
    return i;
  }

  private void resize(int capacity) {
    int[] oldHashes = hashes;
    Object[] oldKeys = keys;
    Object[] oldValues = values;
    long[] oldLongs = longs;
    allocate(capacity);
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != null) {
        int slot = emptySlotFor(oldHashes[i]);
        hashes[slot] = oldHashes[i];
        keys[slot] = oldKeys[i];
        if (unboxedLongs) {
          longs[slot] = oldLongs[i];
        } else {
          values[slot] = oldValues[i];
        }
      }
    }
    structure++;
  }

  private void allocate(int capacity) {
    hashes = new int[capacity];
    keys = new Object[capacity];
    if (unboxedLongs) {
      longs = new long[capacity];
    } else {
      values = new Object[capacity];
    }
    mask = capacity - 1;
    shift = 32 - Integer.numberOfTrailingZeros(capacity);
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("{");
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != null) {
        text.append(text.length() > 1 ? ", " : "").append(keys[i]).append('=').append(valueAt(i));
      }
    }
    return text.append('}').toString();
  }
}
