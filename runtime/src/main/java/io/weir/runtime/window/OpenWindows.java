package io.weir.runtime.window;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * The open event-time windows of one operator instance, one {@link WindowSlice} per window start,
 * ordered by start (so by end: all windows have one size). There are few of them at a time (the
 * current window, sliding windows' overlaps, windows kept for allowed lateness), so a sorted array
 * with a cache of the last one used is enough. Dropped slices are kept for reuse.
 */
final class OpenWindows {
  private WindowSlice[] slices = new WindowSlice[4];
  private int count;
  private WindowSlice last;
  private final ArrayDeque<WindowSlice> spare = new ArrayDeque<>();

  int count() {
    return count;
  }

  /** The {@code i}-th open window by start. */
  WindowSlice get(int i) {
    return slices[i];
  }

  /** The slice of the window starting at {@code start}, or null. */
  WindowSlice find(long start) {
    WindowSlice cached = last;
    return cached != null && cached.start == start ? cached : scan(start);
  }

  private WindowSlice scan(long start) {
    for (int i = 0; i < count; i++) {
      if (slices[i].start == start) {
        last = slices[i];
        return last;
      }
    }
    return null;
  }

  /** The slice of the window starting at {@code start}, opened (with {@code fired} set as given) if absent. */
  WindowSlice findOrOpen(long start, boolean fired) {
    WindowSlice found = find(start);
    if (found != null) {
      return found;
    }
    WindowSlice slice = spare.isEmpty() ? new WindowSlice() : spare.pop();
    slice.reset(start, fired);
    if (count == slices.length) {
      slices = Arrays.copyOf(slices, count * 2);
    }
    int at = count;
    while (at > 0 && slices[at - 1].start > start) {
      slices[at] = slices[at - 1];
      at--;
    }
    slices[at] = slice;
    count++;
    last = slice;
    return slice;
  }

  /** Drops the earliest window, keeping its slice for reuse. */
  void dropFirst() {
    WindowSlice first = slices[0];
    System.arraycopy(slices, 1, slices, 0, count - 1);
    slices[--count] = null;
    if (last == first) {
      last = null;
    }
    first.reset(first.start, true); // releases its keys and accumulators now
    spare.push(first);
  }
}
