package io.weir.runtime.window;

import io.weir.api.TimeDomain;
import io.weir.api.TimeWindow;
import io.weir.state.MapState;
import io.weir.state.backend.KeyedStateBackend;
import io.weir.state.backend.StateDescriptor;
import io.weir.state.serialization.BinaryInput;
import io.weir.state.serialization.BinaryOutput;
import io.weir.state.serialization.BooleanSerializer;
import io.weir.state.serialization.LongSerializer;
import io.weir.state.serialization.TypeSerializer;
import io.weir.state.timers.KeyedTimers;
import io.weir.state.timers.TimerCallback;
import io.weir.state.timers.TimerKeyedStateBackend;
import io.weir.state.timers.WatermarkHook;
import java.util.HashSet;

/**
 * Event-time tumbling and sliding windows with an incremental aggregation, pre-aggregated in a
 * structure of the operator instance ({@link OpenWindows}: per window start, a table from key to
 * accumulator) instead of three map states and a timer per key and window. A record costs one
 * table lookup; the watermark fires the windows it passes, slice by slice, in the order their keys
 * first reached them (the order the per-key timers fired in); a window's end is its start plus the
 * size and is not stored.
 *
 * <p>Snapshots: right before each snapshot ({@link #beforeSnapshot}) the open windows are written
 * into the keyed state as map states (per key: window start to a copy of the accumulator, and the
 * starts of windows that already fired and are kept for allowed lateness), and windows written
 * earlier and gone since are removed; so checkpoints, savepoints, restore onto any backend and
 * rescaling treat them as any keyed state. A restore reads them back into the structure
 * ({@link KeyedTimers#takeRestored}). Between snapshots the keyed state is not touched, on any
 * backend: the open windows' accumulators live on the heap (one per key and open window).
 *
 * <p>Semantics as {@link WindowRunner}'s per-key path: a window fires once when the watermark
 * reaches its last timestamp; a record within the allowed lateness fires it again at once; it is
 * dropped when the watermark passes its end plus the lateness. One difference: a window first
 * opened by a record that is late but within the lateness fires at that record only (the per-key
 * path also fires it once more at the next watermark, through the timer it registers then).
 */
final class PreAggregatedWindows<IN, ACC, R> implements WatermarkHook {
  static final String FIRED = "__weir.window.fired";

  private final KeyedStateBackend state;
  private final KeyedTimers timers;
  private final WindowAssigner assigner;
  private final long size;
  private final long slide;
  private final long lateness;
  private final WindowAggregation<IN, ACC, R> aggregation;
  private final TypeSerializer<ACC> accumulatorSerializer;
  private final MapState<Long, ACC> accumulators;
  private final MapState<Long, Boolean> firedWindows;
  private final OpenWindows open = new OpenWindows();
  private final PersistedWindows persisted = new PersistedWindows();
  private final BinaryOutput copyBuffer = new BinaryOutput(64);
  /**
   * The latest window start computed, and where the next one begins: consecutive records mostly
   * fall between the two, and then need no division (a 64-bit division is a measurable share of a
   * record's cost here). Empty until the first record.
   */
  private long cachedStart;
  private long cachedNextStart;
  /** The slice being fired through the timer callback, or null. */
  private WindowSlice firing;

  PreAggregatedWindows(KeyedStateBackend state, KeyedTimers timers, WindowAssigner assigner,
      WindowAggregation<IN, ACC, R> aggregation, TypeSerializer<ACC> accumulatorSerializer, long lateness) {
    this.state = state;
    this.timers = timers;
    this.assigner = assigner;
    this.size = assigner.size();
    this.slide = assigner.slide();
    this.lateness = lateness;
    this.aggregation = aggregation;
    this.accumulatorSerializer = accumulatorSerializer;
    StateDescriptor<ACC> accumulatorsDescriptor =
        StateDescriptor.map(WindowRunner.ACCUMULATORS, LongSerializer.INSTANCE, accumulatorSerializer);
    StateDescriptor<Boolean> firedDescriptor =
        StateDescriptor.map(FIRED, LongSerializer.INSTANCE, BooleanSerializer.INSTANCE);
    this.accumulators = state.mapState(accumulatorsDescriptor);
    this.firedWindows = state.mapState(firedDescriptor);
    restore(accumulatorsDescriptor, firedDescriptor);
    timers.addWatermarkHook(this);
  }

  /** A restored window's identity, only while restoring. */
  private record Restored(Object key, long start) {}

  /**
   * Rebuilds the open windows from the restored map states, if any. Snapshots of the per-key path
   * (which has no fired-windows state) tell a fired window by its missing event-time timer; their
   * window ends are removed from the keyed state, so later snapshots are of this path's format only
   * (their timers stay until they fire, and are ignored).
   */
  @SuppressWarnings("unchecked")
  private void restore(StateDescriptor<ACC> accumulatorsDescriptor, StateDescriptor<Boolean> firedDescriptor) {
    HashSet<Restored> fired = new HashSet<>();
    timers.<Long, Boolean>takeRestored(firedDescriptor, (key, keyGroup, start, flag) -> fired.add(new Restored(key, start)));
    HashSet<Restored> timerAt = new HashSet<>();
    boolean[] perKeyFormat = {false};
    StateDescriptor<Long> endsDescriptor =
        StateDescriptor.map(WindowRunner.ENDS, LongSerializer.INSTANCE, LongSerializer.INSTANCE);
    timers.<Long, Long>takeRestored(endsDescriptor, (key, keyGroup, start, end) -> perKeyFormat[0] = true);
    if (perKeyFormat[0]) {
      timers.<Long, Boolean>takeRestored(StateDescriptor.map(TimerKeyedStateBackend.EVENT_TIME_TIMERS,
          LongSerializer.INSTANCE, BooleanSerializer.INSTANCE), (key, keyGroup, at, flag) -> timerAt.add(new Restored(key, at)));
    }
    timers.<Long, ACC>takeRestored(accumulatorsDescriptor, (key, keyGroup, start, accumulator) -> {
      WindowSlice slice = open.findOrOpen(start, false);
      int entry = slice.insert(key, key.hashCode(), keyGroup, accumulator);
      boolean wasFired = perKeyFormat[0]
          ? !timerAt.contains(new Restored(key, start + size - 1))
          : fired.contains(new Restored(key, start));
      if (wasFired) {
        slice.markEntryFired(entry);
      }
      persisted.add(key, keyGroup, start);
    });
    if (perKeyFormat[0]) {
      MapState<Long, Long> ends = state.mapState(endsDescriptor);
      for (int i = 0; i < persisted.size(); i++) {
        state.setCurrentKey(persisted.key(i), persisted.keyGroup(i));
        ends.remove(persisted.start(i));
      }
    }
  }

  /**
   * Adds the current key's {@code record} at event time {@code time} to its windows, firing those
   * already past the watermark (a late record within the lateness); false if it is too late for all.
   * The common case (tumbling, the same window as the record before, a key already in it) stays in
   * a few small methods the compiler inlines into the caller; the rest is out of line.
   */
  boolean add(long time, IN record, WindowRunner.Results<R> results) throws Exception {
    long start = time >= cachedStart && time < cachedNextStart ? cachedStart : latestStart(time);
    if (size == slide) {
      return addTo(start, record, results);
    }
    boolean placed = false;
    for (; start > time - size; start -= slide) {
      placed |= addTo(start, record, results);
    }
    return placed;
  }

  /** The start of the latest window containing {@code time}, remembered for the records after it. */
  private long latestStart(long time) {
    long start = assigner.lastStart(time);
    cachedStart = start;
    cachedNextStart = start + slide;
    return start;
  }

  /** Adds the current key's record to the window starting at {@code start}; false if that window was dropped. */
  @SuppressWarnings("unchecked")
  private boolean addTo(long start, IN record, WindowRunner.Results<R> results) throws Exception {
    long last = start + size - 1;
    long watermark = timers.currentWatermark();
    if (last + lateness <= watermark) {
      return false;
    }
    WindowSlice slice = open.find(start);
    if (slice == null) {
      slice = open.findOrOpen(start, last <= watermark);
    }
    Object key = state.currentKey();
    int hash = key.hashCode();
    int slot = slice.find(key, hash);
    ACC accumulator;
    if (slot >= 0) {
      accumulator = aggregation.add(record, (ACC) slice.accumulatorAt(slot));
      slice.setAccumulatorAt(slot, accumulator);
    } else {
      accumulator = first(slice, key, hash, record);
    }
    if (last <= watermark) {
      fireLate(key, start, accumulator, results);
    }
    return true;
  }

  /** The key's first record in the window: a new entry. */
  private ACC first(WindowSlice slice, Object key, int hash, IN record) throws Exception {
    ACC accumulator = aggregation.first(record);
    slice.insert(key, hash, timers.currentKeyGroup(), accumulator);
    return accumulator;
  }

  /** A record within the allowed lateness fires its window again at once. */
  private void fireLate(Object key, long start, ACC accumulator, WindowRunner.Results<R> results) throws Exception {
    results.fire(key, new TimeWindow(start, start + size), aggregation.result(accumulator));
  }

  /** Fires the windows the watermark passed, one callback per window, and drops those past the lateness. */
  @Override
  public void onWatermark(long watermark, TimerCallback callback) throws Exception {
    // windows are ordered by start, so by last timestamp: those due, and those past the lateness, come first
    for (int i = 0; i < open.count(); i++) {
      WindowSlice slice = open.get(i);
      long last = slice.start + size - 1;
      if (last > watermark) {
        break;
      }
      if (!slice.fired) {
        fireSlice(slice, last, callback);
      }
    }
    while (open.count() > 0 && open.get(0).start + size - 1 + lateness <= watermark) {
      open.dropFirst();
    }
  }

  /**
   * Fires a slice through one timer callback for all its keys: the callback reaches
   * {@link #onTimer}, which emits every key's result with that key made current. One callback per
   * window instead of one per key and window keeps the per-result cost to the result itself.
   */
  private void fireSlice(WindowSlice slice, long last, TimerCallback callback) throws Exception {
    try {
      firing = slice;
      callback.onTimer(last, TimeDomain.EVENT_TIME);
    } finally {
      firing = null;
    }
    slice.markFired();
  }

  /**
   * The timer callback of a firing window: emits each of its keys' results (except those that
   * fired before a restore), in the order the keys reached the window, each with its key current.
   * Other timers (the per-key path's, restored from its snapshots) reach here too and are
   * ignored: their windows fire by the watermark.
   */
  @SuppressWarnings("unchecked")
  void onTimer(long timestamp, TimeDomain domain, WindowRunner.Results<R> results) throws Exception {
    WindowSlice slice = firing;
    if (slice == null || domain != TimeDomain.EVENT_TIME || timestamp != slice.start + size - 1) {
      return;
    }
    firing = null; // fired once, even if the callback came twice
    TimeWindow window = new TimeWindow(slice.start, slice.start + size);
    for (int entry = 0; entry < slice.size(); entry++) {
      if (slice.entryFired(entry)) {
        continue; // fired before a restore
      }
      Object key = slice.key(entry);
      state.setCurrentKey(key, slice.keyGroup(entry));
      results.fire(key, window, aggregation.result((ACC) slice.accumulator(entry)));
    }
  }

  /** Writes the open windows into the keyed state and removes the windows written before and gone since. */
  @Override
  @SuppressWarnings("unchecked")
  public void beforeSnapshot() {
    for (int i = 0; i < persisted.size(); i++) {
      long start = persisted.start(i);
      Object key = persisted.key(i);
      WindowSlice slice = open.find(start);
      if (slice == null || slice.find(key, key.hashCode()) < 0) {
        state.setCurrentKey(key, persisted.keyGroup(i));
        accumulators.remove(start);
        firedWindows.remove(start);
      }
    }
    persisted.clear();
    for (int s = 0; s < open.count(); s++) {
      WindowSlice slice = open.get(s);
      for (int entry = 0; entry < slice.size(); entry++) {
        Object key = slice.key(entry);
        state.setCurrentKey(key, slice.keyGroup(entry));
        accumulators.put(slice.start, copy((ACC) slice.accumulator(entry)));
        if (slice.entryFired(entry)) {
          firedWindows.put(slice.start, Boolean.TRUE);
        }
        persisted.add(key, slice.keyGroup(entry), slice.start);
      }
    }
  }

  /**
   * A copy of {@code accumulator} for the keyed state: the heap backend shares stored objects with
   * the snapshot it writes meanwhile, and aggregations may change accumulators in place.
   */
  private ACC copy(ACC accumulator) {
    copyBuffer.clear();
    accumulatorSerializer.serialize(accumulator, copyBuffer);
    return accumulatorSerializer.deserialize(new BinaryInput(copyBuffer.array(), 0, copyBuffer.position()));
  }
}
