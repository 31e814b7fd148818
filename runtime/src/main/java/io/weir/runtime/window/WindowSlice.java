package io.weir.runtime.window;

import java.util.Arrays;

/**
 * The accumulators of one event-time window (one window start) over all keys of an operator
 * instance, in an open-addressing table: per slot the key's hash and entry number packed in one
 * {@code long}, and the accumulator in a parallel array by slot, so a lookup's two loads (slot,
 * accumulator) do not wait for each other, and no chain of per-key maps is walked. Keys, their key
 * groups and slots are also kept by entry, in insertion order: the order in which keys first
 * reached the window, which is the order the window's results are emitted in. A slice is cleared
 * and reused for a later window, so its arrays stay allocated and warm.
 */
final class WindowSlice {
  private static final int INITIAL_CAPACITY = 64;

  long start;
  /** Whether the window fired: the watermark passed its last timestamp. */
  boolean fired;
  /**
   * Entries that fired before the slice did, or null for none: only after a restore, when windows
   * of instances with different watermarks come together (one fired the window, the other not yet).
   */
  private boolean[] firedEntries;
  private Object[] keys = new Object[INITIAL_CAPACITY];
  private int[] hashes = new int[INITIAL_CAPACITY];
  private int[] keyGroups = new int[INITIAL_CAPACITY];
  private int[] slotOfEntry = new int[INITIAL_CAPACITY];
  private int size;
  /** Per slot the key's hash in the high half and its entry + 1 in the low half (0: empty); at most 70% full. */
  private long[] slots = new long[INITIAL_CAPACITY * 2];
  private Object[] accumulators = new Object[INITIAL_CAPACITY * 2];
  private int mask = slots.length - 1;
  /**
   * The class of every key so far when it is one whose hash is its value (Integer and smaller):
   * then equal hashes mean equal keys. Null when the slice is empty or its keys are of other types.
   */
  private Class<?> hashIsKeyClass;

  /** Makes this an empty slice for the window starting at {@code start}. */
  void reset(long start, boolean fired) {
    Arrays.fill(keys, 0, size, null);
    Arrays.fill(accumulators, null);
    Arrays.fill(slots, 0);
    hashIsKeyClass = null;
    firedEntries = null;
    size = 0;
    this.start = start;
    this.fired = fired;
  }

  int size() {
    return size;
  }

  Object key(int entry) {
    return keys[entry];
  }

  int keyGroup(int entry) {
    return keyGroups[entry];
  }

  /** The accumulator of the {@code entry}-th key to reach the window. */
  Object accumulator(int entry) {
    return accumulators[slotOfEntry[entry]];
  }

  /** The accumulator in {@code slot}, as {@link #find} returned it. */
  Object accumulatorAt(int slot) {
    return accumulators[slot];
  }

  void setAccumulatorAt(int slot, Object accumulator) {
    accumulators[slot] = accumulator;
  }

  /** Whether {@code entry} fired: with the slice, or on its own before a restore. */
  boolean entryFired(int entry) {
    return fired || firedEntries != null && firedEntries[entry];
  }

  /** Marks a restored entry of a slice that has not fired as fired already. */
  void markEntryFired(int entry) {
    if (firedEntries == null) {
      firedEntries = new boolean[keys.length];
    }
    firedEntries[entry] = true;
  }

  /** The slice fired: every entry has. */
  void markFired() {
    fired = true;
    firedEntries = null;
  }

  /**
   * The slot of {@code key} (whose {@code hashCode} is {@code hash}), or -1. For Integer keys
   * (and smaller) equal hashes mean equal keys, so a hit reads no stored key.
   */
  int find(Object key, int hash) {
    boolean byHash = hashIsKeyClass != null && key.getClass() == hashIsKeyClass;
    for (int slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
      long packed = slots[slot];
      if (packed == 0) {
        return -1;
      }
      if ((int) (packed >>> 32) == hash) {
        if (byHash) {
          return slot;
        }
        Object other = keys[(int) packed - 1];
        if (other == key || other.equals(key)) {
          return slot;
        }
      }
    }
  }

  private static boolean hashIsValue(Class<?> type) {
    return type == Integer.class || type == Short.class || type == Character.class || type == Byte.class;
  }

  /** Adds {@code key}, which is not in the slice yet, and returns its entry. */
  int insert(Object key, int hash, int keyGroup, Object accumulator) {
    if (size == keys.length) {
      growEntries();
    }
    if ((size + 1) * 10L > slots.length * 7L) {
      growSlots();
    }
    int entry = size++;
    keys[entry] = key;
    hashes[entry] = hash;
    keyGroups[entry] = keyGroup;
    Class<?> type = key.getClass();
    if (entry == 0) {
      hashIsKeyClass = hashIsValue(type) ? type : null;
    } else if (type != hashIsKeyClass) {
      hashIsKeyClass = null; // keys of mixed types: compare them
    }
    int slot = place(entry);
    accumulators[slot] = accumulator;
    return entry;
  }

  private int place(int entry) {
    int hash = hashes[entry];
    int slot = spread(hash) & mask;
    while (slots[slot] != 0) {
      slot = (slot + 1) & mask;
    }
    slots[slot] = ((long) hash << 32) | (entry + 1);
    slotOfEntry[entry] = slot;
    return slot;
  }

  private void growEntries() {
    int capacity = keys.length * 2;
    keys = Arrays.copyOf(keys, capacity);
    hashes = Arrays.copyOf(hashes, capacity);
    keyGroups = Arrays.copyOf(keyGroups, capacity);
    slotOfEntry = Arrays.copyOf(slotOfEntry, capacity);
    if (firedEntries != null) {
      firedEntries = Arrays.copyOf(firedEntries, capacity);
    }
  }

  private void growSlots() {
    Object[] oldAccumulators = accumulators;
    int[] oldSlots = Arrays.copyOf(slotOfEntry, size);
    slots = new long[slots.length * 2];
    accumulators = new Object[slots.length];
    mask = slots.length - 1;
    for (int entry = 0; entry < size; entry++) {
      accumulators[place(entry)] = oldAccumulators[oldSlots[entry]];
    }
  }

  /** Spreads the hash's high bits into the low ones (keys with similar hashes, e.g. small integers, stay apart). */
  private static int spread(int hash) {
    int h = hash * 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
