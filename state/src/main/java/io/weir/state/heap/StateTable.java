package io.weir.state.heap;

import io.weir.state.backend.StateDescriptor;
import io.weir.state.serialization.LongSerializer;

/**
 * The entries of one state: a {@link KeyGroupMap} per key group, so that a key group's entries can
 * be snapshotted and handed to another instance as a unit.
 *
 * <p>Snapshots are copy-on-write. {@link #freeze} hands out the current key-group maps and starts a
 * new epoch; from then on the first write to a key group copies its map (three array clones)
 * before changing it, so the frozen maps never change. Mutable values (lists, maps, accumulators)
 * are wrapped in {@link Owned} with the epoch that created them and are copied by the state that
 * mutates them when they are older than the current epoch. Only the task thread calls this class;
 * frozen maps are read by the snapshot writer thread.
 *
 * <p>The table also remembers the slot of the key it looked up last, so that a read followed by a
 * write of the same key (W1's {@code value()} then {@code update()}) probes the map once. The slot
 * is reused only within one {@code setCurrentKey} (the backend's key stamp: same key, same key
 * group) and while the map's {@link KeyGroupMap#structure} is unchanged. A copy-on-write copy made
 * in between has the same slots and the same structure count, so the slot stays right for it.
 * Only primitives are remembered: storing the key or map reference here on every record cost a
 * GC write barrier each time (the table is old, W1's keys are young).
 */
final class StateTable {
  final StateDescriptor<?> descriptor;
  private final KeyGroupMap[] byKeyGroup;
  private final int[] mapEpoch;
  private final boolean unboxedLongs;
  private int epoch;

  private long lastStamp = -1;
  private int lastStructure;
  private int lastSlot;

  StateTable(StateDescriptor<?> descriptor, int keyGroups) {
    this.descriptor = descriptor;
    this.byKeyGroup = new KeyGroupMap[keyGroups];
    this.mapEpoch = new int[keyGroups];
    this.unboxedLongs = (descriptor.kind() == StateDescriptor.Kind.VALUE || descriptor.kind() == StateDescriptor.Kind.REDUCING)
        && descriptor.serializer() instanceof LongSerializer;
    for (int i = 0; i < keyGroups; i++) {
      byKeyGroup[i] = new KeyGroupMap(unboxedLongs);
    }
  }

  /** The key group's map for reading only. */
  KeyGroupMap read(int index) {
    return byKeyGroup[index];
  }

  /** The key group's map for writing: copied first if a snapshot still holds it. */
  KeyGroupMap write(int index) {
    if (mapEpoch[index] != epoch) {
      byKeyGroup[index] = byKeyGroup[index].copy();
      mapEpoch[index] = epoch;
    }
    return byKeyGroup[index];
  }

  /**
   * The slot of {@code key} (hash {@code hash}) in {@code map}, or -1; probes only when the key
   * stamp (see {@link HeapKeyedStateBackend#setCurrentKey}) or the map's structure changed.
   */
  int slot(KeyGroupMap map, Object key, int hash, long keyStamp) {
    if (keyStamp != lastStamp || map.structure() != lastStructure) {
      lastSlot = map.find(key, hash);
      lastStamp = keyStamp;
      lastStructure = map.structure();
    }
    return lastSlot;
  }

  /** Maps {@code key} to {@code value} in {@code map} (a map from {@link #write}). */
  void put(KeyGroupMap map, Object key, int hash, long keyStamp, Object value) {
    int slot = slot(map, key, hash, keyStamp);
    if (slot >= 0) {
      map.setValueAt(slot, value);
      return;
    }
    lastSlot = map.put(key, hash, value);
    lastStructure = map.structure();
  }

  /** {@link #put} of an unboxed long, for tables whose maps keep unboxed longs. */
  void putLong(KeyGroupMap map, Object key, int hash, long keyStamp, long value) {
    int slot = slot(map, key, hash, keyStamp);
    if (slot >= 0) {
      map.setLongAt(slot, value);
      return;
    }
    lastSlot = map.putLong(key, hash, value);
    lastStructure = map.structure();
  }

  /** Whether this table's maps keep unboxed longs (value and reducing states of {@code Long}). */
  boolean unboxedLongs() {
    return unboxedLongs;
  }

  /** The current epoch; {@link Owned} values of older epochs may be shared with a snapshot. */
  int epoch() {
    return epoch;
  }

  /**
   * The key-group maps as they are now, which stay unchanged from here on: the task thread's cost
   * of a snapshot is this array copy.
   */
  KeyGroupMap[] freeze() {
    KeyGroupMap[] frozen = byKeyGroup.clone();
    epoch++;
    return frozen;
  }

  long size() {
    long n = 0;
    for (KeyGroupMap map : byKeyGroup) {
      n += map.size();
    }
    return n;
  }

  /** A mutable state value and the epoch it was created in. */
  record Owned<C>(C value, int epoch) {}
}
