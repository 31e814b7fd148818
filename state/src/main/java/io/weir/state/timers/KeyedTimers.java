package io.weir.state.timers;

import io.weir.api.TimeDomain;
import io.weir.api.TimerService;
import io.weir.state.backend.StateDescriptor;
import io.weir.state.serialization.TypeSerializer;
import io.weir.state.snapshot.KeyedSnapshotReader.RestoredState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link TimerService} of one keyed operator instance: event-time and processing-time timer
 * queues, the current watermark, and the processing-time clock. Registering and deleting act on
 * the backend's current key; the task thread advances the watermark and processing time, which
 * fires due timers through a {@link TimerCallback}. Single-threaded, like the backend.
 */
public final class KeyedTimers implements TimerService {
  private final TimerKeyedStateBackend backend;
  private final TimerQueue eventTime;
  private final TimerQueue processingTime;
  private final Clock clock;
  private final List<WatermarkHook> hooks = new ArrayList<>(1);
  private long watermark = Long.MIN_VALUE;
  private long snapshotEpoch;
  /** Restored internal states a hook may rebuild its structure from, by name; taken once each. */
  private Map<String, RestoredState> restored = new HashMap<>();
  private TypeSerializer<?> restoredKeySerializer;

  /** One entry of a restored map state: the key (in its key group), the map key and the value. */
  @FunctionalInterface
  public interface RestoredEntry<K, V> {
    void accept(Object key, int keyGroup, K mapKey, V value);
  }

  /** Processing time source; the runtime uses the wall clock, tests a clock they move by hand. */
  @FunctionalInterface
  public interface Clock {
    long millis();
  }

  KeyedTimers(TimerKeyedStateBackend backend, TimerQueue eventTime, TimerQueue processingTime, Clock clock) {
    this.backend = backend;
    this.eventTime = eventTime;
    this.processingTime = processingTime;
    this.clock = clock;
  }

  @Override
  public long currentWatermark() {
    return watermark;
  }

  @Override
  public long currentProcessingTime() {
    return clock.millis();
  }

  @Override
  public void registerEventTimeTimer(long timestamp) {
    eventTime.register(timestamp, currentKey(), backend.currentKeyGroup());
  }

  @Override
  public void deleteEventTimeTimer(long timestamp) {
    eventTime.delete(timestamp, currentKey(), backend.currentKeyGroup());
  }

  @Override
  public void registerProcessingTimeTimer(long timestamp) {
    processingTime.register(timestamp, currentKey(), backend.currentKeyGroup());
  }

  @Override
  public void deleteProcessingTimeTimer(long timestamp) {
    processingTime.delete(timestamp, currentKey(), backend.currentKeyGroup());
  }

  private Object currentKey() {
    Object key = backend.currentKey();
    if (key == null) {
      throw new IllegalStateException("timers are scoped to a key: use them while processing a record or a timer");
    }
    return key;
  }

  /**
   * Moves the watermark to {@code newWatermark} (never back) and fires every event-time timer at
   * or before it, earliest first.
   */
  public void advanceWatermark(long newWatermark, TimerCallback callback) throws Exception {
    if (newWatermark <= watermark) {
      return;
    }
    watermark = newWatermark;
    restored.clear(); // hooks took theirs when the operator opened
    eventTime.fireUpTo(newWatermark, backend::setCurrentKey, callback);
    for (int i = 0; i < hooks.size(); i++) {
      hooks.get(i).onWatermark(newWatermark, callback);
    }
  }

  /**
   * Adds operator-wide event-time work, run after the keyed timers each time the watermark moves,
   * and asked to write its state into the backend before every snapshot.
   */
  public void addWatermarkHook(WatermarkHook hook) {
    hooks.add(hook);
  }

  void beforeSnapshot() {
    restored.clear();
    for (int i = 0; i < hooks.size(); i++) {
      hooks.get(i).beforeSnapshot();
    }
  }

  /** The current key's key group, as given to the backend's last {@code setCurrentKey}; -1 before it. */
  public int currentKeyGroup() {
    return backend.currentKeyGroup();
  }

  void restoredInternalStates(Map<String, RestoredState> states, TypeSerializer<?> keySerializer) {
    restored = new HashMap<>(states);
    restoredKeySerializer = keySerializer;
  }

  /**
   * Calls {@code visitor} for every entry of the map state {@code descriptor} names as restored
   * by the backend's last restore (in this instance's key groups), for a hook rebuilding its
   * structure; the backend restores that map state as usual too. Each state's restored entries
   * can be taken once: later calls see none. Only states named with the reserved prefix
   * {@link TimerKeyedStateBackend#INTERNAL_PREFIX} are kept for this.
   */
  public <K, V> void takeRestored(StateDescriptor<V> descriptor, RestoredEntry<K, V> visitor) {
    RestoredState state = restored.remove(descriptor.name());
    if (state != null) {
      RestoredMapEntries.forEach(state, descriptor, restoredKeySerializer, visitor);
    }
  }

  /** Fires every processing-time timer at or before the clock's current time. */
  public void advanceProcessingTime(TimerCallback callback) throws Exception {
    processingTime.fireUpTo(clock.millis(), backend::setCurrentKey, callback);
  }

  /** When the earliest processing-time timer is due, or {@code Long.MAX_VALUE} when none is set. */
  public long nextProcessingTime() {
    return processingTime.nextTimestamp();
  }

  /** When the earliest event-time timer is due, or {@code Long.MAX_VALUE} when none is set. */
  public long nextEventTime() {
    return eventTime.nextTimestamp();
  }

  /**
   * How many snapshots the backend has started. State kept as mutable objects (window
   * accumulators) is copied before its first change in a new epoch, so a heap snapshot being
   * written never sees it change.
   */
  public long snapshotEpoch() {
    return snapshotEpoch;
  }

  void snapshotStarted() {
    snapshotEpoch++;
  }

  /** Number of timers set in {@code domain}, over all keys. */
  public int timerCount(TimeDomain domain) {
    return domain == TimeDomain.EVENT_TIME ? eventTime.size() : processingTime.size();
  }
}
