package io.weir.state.heap;

import io.weir.state.backend.StateDescriptor;
import java.util.HashMap;

/**
 * The entries of one state: a hash map per key group, so that a key group's entries can be
 * snapshotted and handed to another instance as a unit.
 *
 * <p>Snapshots are copy-on-write. {@link #freeze} hands out the current key-group maps and starts a
 * new epoch; from then on the first write to a key group copies its map (shallowly) before
 * changing it, so the frozen maps never change. Mutable values (lists, maps, accumulators) are
 * wrapped in {@link Owned} with the epoch that created them and are copied by the state that
 * mutates them when they are older than the current epoch. Only the task thread calls this class;
 * frozen maps are read by the snapshot writer thread.
 */
final class StateTable {
  final StateDescriptor<?> descriptor;
  private final HashMap<Object, Object>[] byKeyGroup;
  private final int[] mapEpoch;
  private int epoch;

  @SuppressWarnings("unchecked")
  StateTable(StateDescriptor<?> descriptor, int keyGroups) {
    this.descriptor = descriptor;
    this.byKeyGroup = new HashMap[keyGroups];
    this.mapEpoch = new int[keyGroups];
    for (int i = 0; i < keyGroups; i++) {
      byKeyGroup[i] = new HashMap<>();
    }
  }

  /** The key group's map for reading only. */
  HashMap<Object, Object> read(int index) {
    return byKeyGroup[index];
  }

  /** The key group's map for writing: copied first if a snapshot still holds it. */
  HashMap<Object, Object> write(int index) {
    if (mapEpoch[index] != epoch) {
      byKeyGroup[index] = new HashMap<>(byKeyGroup[index]);
      mapEpoch[index] = epoch;
    }
    return byKeyGroup[index];
  }

  /** The current epoch; {@link Owned} values of older epochs may be shared with a snapshot. */
  int epoch() {
    return epoch;
  }

  /**
   * The key-group maps as they are now, which stay unchanged from here on: the task thread's cost
   * of a snapshot is this array copy.
   */
  HashMap<Object, Object>[] freeze() {
    HashMap<Object, Object>[] frozen = byKeyGroup.clone();
    epoch++;
    return frozen;
  }

  long size() {
    long n = 0;
    for (HashMap<Object, Object> map : byKeyGroup) {
      n += map.size();
    }
    return n;
  }

  /** A mutable state value and the epoch it was created in. */
  record Owned<C>(C value, int epoch) {}
}
