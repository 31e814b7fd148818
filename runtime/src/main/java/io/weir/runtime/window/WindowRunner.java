package io.weir.runtime.window;

import io.weir.api.TimeDomain;
import io.weir.api.TimeWindow;
import io.weir.api.TimerService;
import io.weir.state.MapState;
import io.weir.state.backend.KeyedStateBackend;
import io.weir.state.backend.StateDescriptor;
import io.weir.state.serialization.BinaryInput;
import io.weir.state.serialization.BinaryOutput;
import io.weir.state.serialization.LongSerializer;
import io.weir.state.serialization.TypeSerializer;
import io.weir.state.timers.KeyedTimers;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * The windows of one keyed operator instance, built on its keyed state and timers, so they are
 * snapshotted, restored and rescaled like any keyed state, on either backend. Per key it keeps,
 * by window start: the window's end, its accumulator and, when those triggers are on, its record
 * count and next early firing. Generated invokers of {@code @Window} operators drive it; the
 * current key is set by the runtime before {@link #add} and {@link #onTimer}.
 *
 * <p>Firing: an event-time window fires when the watermark reaches its last timestamp (a
 * processing-time window when the clock does); later records within the allowed lateness fire it
 * again at once; it is dropped when the watermark passes its end plus the lateness. Records later
 * than that go to the late handler. Early firings (every interval of processing time) and the
 * count trigger (every N records) fire an open window with its result so far. Timers are never
 * deleted: a timer checks which windows are due when it fires, so windows that share a timer, or
 * sessions merged away, need no bookkeeping.
 *
 * <p>Event-time tumbling and sliding windows without early firings or a count trigger take a
 * faster path ({@link PreAggregatedWindows}): their accumulators live in a table per window start
 * of the whole instance, fired by the watermark, and are written to keyed state only at snapshots.
 */
public final class WindowRunner<IN, ACC, R> {
  static final String ACCUMULATORS = "__weir.window.accumulators";
  static final String ENDS = "__weir.window.ends";
  static final String COUNTS = "__weir.window.counts";
  static final String EARLY = "__weir.window.early-firings";

  /** Receives a firing window's result. */
  @FunctionalInterface
  public interface Results<R> {
    void fire(Object key, TimeWindow window, R result) throws Exception;
  }

  /** Receives records too late for every window they belong to. */
  @FunctionalInterface
  public interface Late<IN> {
    void late(IN record) throws Exception;
  }

  /** A window's accumulator already copied in the current snapshot epoch, so it may change in place. */
  private record Owned(Object key, long start) {}

  private final KeyedStateBackend state;
  private final TimerService timers;
  private final WindowAssigner assigner;
  private final WindowAggregation<IN, ACC, R> aggregation;
  private final TypeSerializer<ACC> accumulatorSerializer;
  private final boolean eventTime;
  private final long lateness;
  private final long earlyInterval;
  private final long countTrigger;
  /** The pre-aggregating path for event-time tumbling and sliding windows without early or count triggers; else null. */
  private final PreAggregatedWindows<IN, ACC, R> preAggregated;
  private final MapState<Long, ACC> accumulators;
  private final MapState<Long, Long> ends;
  private final MapState<Long, Long> counts;
  private final MapState<Long, Long> earlyFirings;
  private final HashSet<Owned> owned = new HashSet<>();
  private final BinaryOutput copyBuffer = new BinaryOutput(64);
  private long ownedEpoch = -1;
  private long lateRecords;
  private List<Long> spareStarts = new ArrayList<>(4);

  /**
   * @param eventTime windows by the records' timestamps and the watermark; else by processing time
   * @param lateness allowed lateness in event time (0 for none; ignored for processing time)
   * @param earlyInterval processing-time interval of early firings; 0 for none
   * @param countTrigger fire every this many records of a window; 0 for none
   */
  public WindowRunner(KeyedStateBackend state, TimerService timers, WindowAssigner assigner,
      WindowAggregation<IN, ACC, R> aggregation, TypeSerializer<ACC> accumulatorSerializer, boolean eventTime,
      long lateness, long earlyInterval, long countTrigger) {
    if (lateness < 0 || earlyInterval < 0 || countTrigger < 0) {
      throw new IllegalArgumentException("lateness, early interval and count trigger must not be negative");
    }
    this.state = state;
    this.timers = timers;
    this.assigner = assigner;
    this.aggregation = aggregation;
    this.accumulatorSerializer = accumulatorSerializer;
    this.eventTime = eventTime;
    this.lateness = eventTime ? lateness : 0;
    this.earlyInterval = earlyInterval;
    this.countTrigger = countTrigger;
    if (eventTime && !assigner.isSession() && earlyInterval == 0 && countTrigger == 0
        && timers instanceof KeyedTimers keyed) {
      this.preAggregated = new PreAggregatedWindows<>(state, keyed, assigner, aggregation, accumulatorSerializer, lateness);
      this.accumulators = null;
      this.ends = null;
      this.counts = null;
      this.earlyFirings = null;
      return;
    }
    this.preAggregated = null;
    this.accumulators = state.mapState(StateDescriptor.map(ACCUMULATORS, LongSerializer.INSTANCE, accumulatorSerializer));
    this.ends = state.mapState(StateDescriptor.map(ENDS, LongSerializer.INSTANCE, LongSerializer.INSTANCE));
    this.counts = countTrigger > 0
        ? state.mapState(StateDescriptor.map(COUNTS, LongSerializer.INSTANCE, LongSerializer.INSTANCE)) : null;
    this.earlyFirings = earlyInterval > 0
        ? state.mapState(StateDescriptor.map(EARLY, LongSerializer.INSTANCE, LongSerializer.INSTANCE)) : null;
  }

  /** Records dropped (or handed to the late handler) as too late, since the instance started. */
  public long lateRecords() {
    return lateRecords;
  }

  /**
   * Adds {@code record} of the current key to its windows; {@code timestamp} is its event time
   * (ignored for processing-time windows). Fires windows the record makes due.
   */
  public void add(long timestamp, IN record, Results<R> results, Late<IN> late) throws Exception {
    if (preAggregated != null) {
      if (!preAggregated.add(timestamp, record, results)) {
        lateRecords++;
        late.late(record);
      }
      return;
    }
    long time = eventTime ? timestamp : timers.currentProcessingTime();
    long watermark = eventTime ? timers.currentWatermark() : Long.MIN_VALUE;
    boolean placed = assigner.isSession()
        ? addToSession(time, record, watermark, results)
        : addToWindows(time, record, watermark, results);
    if (!placed) {
      lateRecords++;
      late.late(record);
    }
  }

  private boolean addToWindows(long time, IN record, long watermark, Results<R> results) throws Exception {
    boolean placed = false;
    for (long start = assigner.lastStart(time); start > time - assigner.size(); start = assigner.previousStart(start)) {
      long end = start + assigner.size();
      if (tooLate(end, watermark)) {
        continue;
      }
      placed = true;
      ACC accumulator = accumulators.get(start);
      if (accumulator == null) {
        accumulator = aggregation.first(record);
        opened(start, end);
      } else {
        accumulator = aggregation.add(record, writable(start, accumulator));
      }
      stored(start, accumulator);
      afterAdd(start, end, accumulator, 1, watermark, results);
    }
    return placed;
  }

  private boolean addToSession(long time, IN record, long watermark, Results<R> results) throws Exception {
    long start = time;
    long end = time + assigner.size();
    if (tooLate(end, watermark)) {
      return false;
    }
    ACC accumulator = aggregation.first(record);
    long count = 1;
    List<Long> starts = starts();
    for (Long other : starts) {
      long otherEnd = ends.get(other);
      if (other < end && start < otherEnd) { // overlapping sessions become one
        accumulator = aggregation.merge(writable(other, accumulators.get(other)), accumulator);
        count += counts == null || counts.get(other) == null ? 0 : counts.get(other);
        start = Math.min(start, other);
        end = Math.max(end, otherEnd);
        forget(other);
      }
    }
    release(starts);
    opened(start, end);
    stored(start, accumulator);
    afterAdd(start, end, accumulator, count, watermark, results);
    return true;
  }

  /** Whether a window ending at {@code end} has been dropped already: its end plus lateness is behind the watermark. */
  private boolean tooLate(long end, long watermark) {
    return eventTime && end - 1 + lateness <= watermark;
  }

  private void opened(long start, long end) {
    ends.put(start, end);
    long due = end - 1;
    if (eventTime) {
      timers.registerEventTimeTimer(due);
      if (lateness > 0) {
        timers.registerEventTimeTimer(due + lateness);
      }
    } else {
      timers.registerProcessingTimeTimer(due);
    }
    if (earlyFirings != null) {
      long at = timers.currentProcessingTime() + earlyInterval;
      earlyFirings.put(start, at);
      timers.registerProcessingTimeTimer(at);
    }
  }

  private void afterAdd(long start, long end, ACC accumulator, long added, long watermark, Results<R> results)
      throws Exception {
    boolean fire = eventTime && end - 1 <= watermark; // a late record within the lateness: fire again
    if (counts != null) {
      Long before = counts.get(start);
      long now = (before == null ? 0 : before) + added;
      counts.put(start, now);
      fire |= now / countTrigger > (now - added) / countTrigger;
    }
    if (fire) {
      results.fire(state.currentKey(), new TimeWindow(start, end), aggregation.result(accumulator));
    }
  }

  /** A timer of the current key fired: fires and drops the windows it is due for. */
  public void onTimer(long timestamp, TimeDomain domain, Results<R> results) throws Exception {
    if (preAggregated != null) {
      preAggregated.onTimer(timestamp, domain, results);
      return;
    }
    boolean windowClock = (domain == TimeDomain.EVENT_TIME) == eventTime;
    List<Long> starts = starts();
    for (Long start : starts) {
      long end = ends.get(start);
      long due = end - 1;
      if (windowClock && due == timestamp) {
        fire(start, end, results);
        if (lateness == 0) {
          forget(start);
        }
      } else if (eventTime && domain == TimeDomain.EVENT_TIME && lateness > 0 && due + lateness == timestamp) {
        forget(start);
      } else if (domain == TimeDomain.PROCESSING_TIME && earlyFirings != null
          && Long.valueOf(timestamp).equals(earlyFirings.get(start))) {
        fire(start, end, results);
        boolean open = eventTime ? due > timers.currentWatermark() : due > timers.currentProcessingTime();
        if (open) {
          earlyFirings.put(start, timestamp + earlyInterval);
          timers.registerProcessingTimeTimer(timestamp + earlyInterval);
        }
      }
    }
    release(starts);
  }

  /**
   * The current key's window starts, copied (the loops over them change the state) into a list
   * reused from call to call: a key has one or two windows, and a fresh list per timer was a
   * measurable share of W3's time. A nested call (none is expected) gets a list of its own.
   */
  private List<Long> starts() {
    List<Long> starts = spareStarts != null ? spareStarts : new ArrayList<>(4);
    spareStarts = null;
    starts.clear();
    for (Long start : ends.keys()) {
      starts.add(start);
    }
    return starts;
  }

  private void release(List<Long> starts) {
    spareStarts = starts;
  }

  private void fire(long start, long end, Results<R> results) throws Exception {
    ACC accumulator = accumulators.get(start);
    if (accumulator != null) {
      results.fire(state.currentKey(), new TimeWindow(start, end), aggregation.result(accumulator));
    }
  }

  private void forget(long start) {
    accumulators.remove(start);
    ends.remove(start);
    if (counts != null) {
      counts.remove(start);
    }
    if (earlyFirings != null) {
      earlyFirings.remove(start);
    }
    if (snapshotEpoch() > 0) {
      owned.remove(new Owned(state.currentKey(), start));
    }
  }

  private void stored(long start, ACC accumulator) {
    accumulators.put(start, accumulator);
    if (snapshotEpoch() > 0) {
      owned.add(new Owned(state.currentKey(), start));
    }
  }

  /** Snapshots started on the backend so far; -2 when the timer service cannot tell (then every change copies). */
  private long snapshotEpoch() {
    return timers instanceof KeyedTimers keyed ? keyed.snapshotEpoch() : -2;
  }

  /**
   * {@code accumulator}, or a copy of it when a snapshot may hold it: the heap backend shares
   * stored objects with the snapshot being written, so the first change after a snapshot goes to
   * a copy (as the heap's own states do). Before the first snapshot nothing can hold it, so no
   * accumulator is copied or tracked then (tracking cost W3 about 8% of its time).
   */
  private ACC writable(long start, ACC accumulator) {
    long epoch = snapshotEpoch();
    if (epoch == 0) {
      return accumulator;
    }
    if (epoch != ownedEpoch) {
      owned.clear();
      ownedEpoch = epoch;
    }
    if (epoch != -2 && owned.contains(new Owned(state.currentKey(), start))) {
      return accumulator;
    }
    copyBuffer.clear();
    accumulatorSerializer.serialize(accumulator, copyBuffer);
    return accumulatorSerializer.deserialize(new BinaryInput(copyBuffer.array(), 0, copyBuffer.position()));
  }
}
