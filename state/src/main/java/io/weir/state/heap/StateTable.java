package io.weir.state.heap;

import io.weir.state.backend.StateDescriptor;
import java.util.HashMap;

/**
 * The entries of one state: a hash map per key group, so that a key group's entries can later be
 * snapshotted and handed to another instance as a unit.
 */
final class StateTable {
  final StateDescriptor<?> descriptor;
  private final HashMap<Object, Object>[] byKeyGroup;

  @SuppressWarnings("unchecked")
  StateTable(StateDescriptor<?> descriptor, int keyGroups) {
    this.descriptor = descriptor;
    this.byKeyGroup = new HashMap[keyGroups];
    for (int i = 0; i < keyGroups; i++) {
      byKeyGroup[i] = new HashMap<>();
    }
  }

  HashMap<Object, Object> keyGroup(int index) {
    return byKeyGroup[index];
  }

  long size() {
    long n = 0;
    for (HashMap<Object, Object> map : byKeyGroup) {
      n += map.size();
    }
    return n;
  }
}
