package io.weir.runtime.window;

import java.util.Arrays;

/**
 * The (key, window start) pairs the keyed state holds for pre-aggregated windows: those written
 * at the last snapshot, or restored. At the next snapshot the ones whose window is gone by then
 * are removed from the keyed state, so it holds exactly the open windows again.
 */
final class PersistedWindows {
  private Object[] keys = new Object[16];
  private int[] keyGroups = new int[16];
  private long[] starts = new long[16];
  private int size;

  void add(Object key, int keyGroup, long start) {
    if (size == keys.length) {
      keys = Arrays.copyOf(keys, size * 2);
      keyGroups = Arrays.copyOf(keyGroups, size * 2);
      starts = Arrays.copyOf(starts, size * 2);
    }
    keys[size] = key;
    keyGroups[size] = keyGroup;
    starts[size] = start;
    size++;
  }

  int size() {
    return size;
  }

  Object key(int i) {
    return keys[i];
  }

  int keyGroup(int i) {
    return keyGroups[i];
  }

  long start(int i) {
    return starts[i];
  }

  void clear() {
    Arrays.fill(keys, 0, size, null);
    size = 0;
  }
}
