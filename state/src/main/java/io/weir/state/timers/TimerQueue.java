package io.weir.state.timers;

import io.weir.api.TimeDomain;
import io.weir.state.MapState;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The timers of one domain of one operator instance: an in-memory queue over every key's timers,
 * backed by a keyed map state (timestamp to {@code true}) that is what snapshots save. The queue is
 * rebuilt from that state on restore, so timers live on whichever backend holds the rest of the
 * operator's state. Deleting is lazy: the set of live timers is the truth, and queue entries no
 * longer in it are skipped when they reach the head.
 *
 * <p>The queue is a sorted map from timestamp to the timers due then, in registration order.
 * Timers cluster on few timestamps (every key's window ends at the same millisecond), so
 * registering is an append to an existing bucket, and firing takes them in order without the
 * O(log n) sifting over scattered entries a binary heap of all timers pays for each one.
 *
 * <p>The map state is brought up to date only when a snapshot is about to be taken
 * ({@link #persist}): between snapshots, timers registered and fired (every key's window timer,
 * every second) only change the in-memory queue and a set of pending changes, instead of a put
 * and a remove in the keyed state per timer. Invariant: the map state with the pending changes
 * applied holds exactly the live timers.
 */
final class TimerQueue {
  /** A live timer's identity: at most one per key, timestamp and domain. */
  private record Id(long timestamp, Object key) {}

  /** A queued timer; its bucket keeps equal timestamps in registration order, deterministically. */
  private record Entry(long timestamp, Object key, int keyGroup) {}

  private final TimeDomain domain;
  private final Supplier<MapState<Long, Boolean>> persisted;
  private final TreeMap<Long, ArrayDeque<Entry>> queue = new TreeMap<>();
  private final HashSet<Id> live = new HashSet<>();
  /** Live timers not yet in the map state (true), and timers in it that are no longer live (false). */
  private final HashMap<Id, Pending> pending = new HashMap<>();

  /** A change the map state still lacks, with the key group to make the timer's key current. */
  private record Pending(int keyGroup, boolean present) {}

  TimerQueue(TimeDomain domain, Supplier<MapState<Long, Boolean>> persisted) {
    this.domain = domain;
    this.persisted = persisted;
  }

  /** Adds a timer for {@code key}, which is the backend's current key. */
  void register(long timestamp, Object key, int keyGroup) {
    Id id = new Id(timestamp, key);
    if (live.add(id)) {
      enqueue(new Entry(timestamp, key, keyGroup));
      changed(id, keyGroup, true);
    }
  }

  /** Records that timer {@code id} became live or stopped being live, for the next {@link #persist}. */
  private void changed(Id id, int keyGroup, boolean present) {
    // a change undoing a pending one leaves the map state as it is; otherwise the map state differs
    if (pending.remove(id) == null) {
      pending.put(id, new Pending(keyGroup, present));
    }
  }

  /**
   * Writes the pending changes into the map state, each with its key made current by
   * {@code makeCurrent}; called before the backend takes a snapshot. The caller restores its
   * current key afterwards.
   */
  void persist(KeySetter makeCurrent) {
    if (pending.isEmpty()) {
      return;
    }
    MapState<Long, Boolean> state = persisted.get();
    for (Map.Entry<Id, Pending> change : pending.entrySet()) {
      makeCurrent.setCurrentKey(change.getKey().key, change.getValue().keyGroup);
      if (change.getValue().present) {
        state.put(change.getKey().timestamp, Boolean.TRUE);
      } else {
        state.remove(change.getKey().timestamp);
      }
    }
    pending.clear();
  }

  /** Adds a timer read back from a snapshot; its persisted entry is restored by the backend itself. */
  void restored(long timestamp, Object key, int keyGroup) {
    if (live.add(new Id(timestamp, key))) {
      enqueue(new Entry(timestamp, key, keyGroup));
    }
  }

  private void enqueue(Entry entry) {
    queue.computeIfAbsent(entry.timestamp, t -> new ArrayDeque<>()).addLast(entry);
  }

  /** Removes {@code key}'s timer at {@code timestamp}; {@code key} is the backend's current key, in {@code keyGroup}. */
  void delete(long timestamp, Object key, int keyGroup) {
    Id id = new Id(timestamp, key);
    if (live.remove(id)) {
      changed(id, keyGroup, false);
    }
  }

  /**
   * Fires every timer at or before {@code limit}, earliest first, each with its key made current
   * by {@code makeCurrent}. Timers the callbacks register at or before the limit fire too.
   */
  void fireUpTo(long limit, KeySetter makeCurrent, TimerCallback callback) throws Exception {
    while (!queue.isEmpty()) {
      Long due = queue.firstKey();
      if (due > limit) {
        return;
      }
      ArrayDeque<Entry> bucket = queue.get(due);
      Entry next = bucket.pollFirst();
      if (bucket.isEmpty()) {
        queue.remove(due); // a callback registering at this timestamp starts a new bucket, fired next
      }
      Id id = new Id(next.timestamp, next.key);
      if (!live.remove(id)) {
        continue; // deleted, or a stale copy of a timer deleted and registered again
      }
      changed(id, next.keyGroup, false);
      makeCurrent.setCurrentKey(next.key, next.keyGroup);
      callback.onTimer(next.timestamp, domain);
    }
  }

  /** The earliest live timer's timestamp, or {@code Long.MAX_VALUE} when there is none. */
  long nextTimestamp() {
    while (!queue.isEmpty()) {
      Long first = queue.firstKey();
      ArrayDeque<Entry> bucket = queue.get(first);
      while (!bucket.isEmpty()) {
        Entry head = bucket.peekFirst();
        if (live.contains(new Id(head.timestamp, head.key))) {
          return head.timestamp;
        }
        bucket.pollFirst();
      }
      queue.remove(first);
    }
    return Long.MAX_VALUE;
  }

  /** Number of live timers, for tests and metrics. */
  int size() {
    return live.size();
  }

  /** Sets a backend's current key; the backend itself, so firing goes through its key-group check. */
  @FunctionalInterface
  interface KeySetter {
    void setCurrentKey(Object key, int keyGroup);
  }
}
