package io.weir.state.timers;

import io.weir.api.TimeDomain;
import io.weir.state.MapState;
import io.weir.state.backend.ForwardingKeyedStateBackend;
import io.weir.state.backend.KeyedStateBackend;
import io.weir.state.backend.StateDescriptor;
import io.weir.state.serialization.BooleanSerializer;
import io.weir.state.serialization.LongSerializer;
import io.weir.state.serialization.TypeSerializer;
import io.weir.state.snapshot.KeyedSnapshotReader;
import io.weir.state.snapshot.KeyedSnapshotReader.RestoredState;
import io.weir.state.snapshot.SharedFileRegistry;
import io.weir.state.snapshot.SnapshotManifest;
import io.weir.state.snapshot.SnapshotStorage;
import io.weir.state.snapshot.SnapshotType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * A keyed backend (heap, RocksDB, any other) with timers on top: it passes every call through,
 * remembers the current key group (so a timer can make its key current again when it fires), keeps
 * the timers in two map states of the wrapped backend, and rebuilds the timer queues when the
 * backend is restored. Timers therefore snapshot, restore and rescale exactly like the operator's
 * other keyed state, on every backend. The queues write their changes into those map states only
 * when a snapshot is taken, so between snapshots a timer costs no keyed-state access. Operators
 * keeping keyed state in a structure of their own ({@link WatermarkHook}) write it in then too, and
 * rebuild it on restore from the internal states ({@link #INTERNAL_PREFIX}) this keeps for them.
 *
 * <p>Only operators that use timers pay for the wrapper; the rest use their backend directly.
 */
public final class TimerKeyedStateBackend extends ForwardingKeyedStateBackend {
  /** Names of the map states holding the timers; reserved, so no user state can take them. */
  public static final String EVENT_TIME_TIMERS = "__weir.timers.event-time";
  public static final String PROCESSING_TIME_TIMERS = "__weir.timers.processing-time";
  /** Names of internal states a {@link WatermarkHook} may rebuild from on restore ({@link KeyedTimers#takeRestored}). */
  public static final String INTERNAL_PREFIX = "__weir.";

  private final int maxParallelism;
  private final TimerQueue eventTime;
  private final TimerQueue processingTime;
  private final KeyedTimers timers;
  private MapState<Long, Boolean> eventTimeState;
  private MapState<Long, Boolean> processingTimeState;
  private int currentKeyGroup = -1;

  public TimerKeyedStateBackend(KeyedStateBackend backend, int maxParallelism, KeyedTimers.Clock clock) {
    super(backend);
    this.maxParallelism = maxParallelism;
    this.eventTime = new TimerQueue(TimeDomain.EVENT_TIME, this::eventTimeState);
    this.processingTime = new TimerQueue(TimeDomain.PROCESSING_TIME, this::processingTimeState);
    this.timers = new KeyedTimers(this, eventTime, processingTime, clock);
  }

  /** The timer service of this operator instance. */
  public KeyedTimers timers() {
    return timers;
  }

  /** Registered on first use, not at construction: a restore must come before any state registers. */
  private void timerStates() {
    if (eventTimeState == null) {
      eventTimeState = delegate.mapState(
          StateDescriptor.map(EVENT_TIME_TIMERS, LongSerializer.INSTANCE, BooleanSerializer.INSTANCE));
      processingTimeState = delegate.mapState(
          StateDescriptor.map(PROCESSING_TIME_TIMERS, LongSerializer.INSTANCE, BooleanSerializer.INSTANCE));
    }
  }

  private MapState<Long, Boolean> eventTimeState() {
    timerStates();
    return eventTimeState;
  }

  private MapState<Long, Boolean> processingTimeState() {
    timerStates();
    return processingTimeState;
  }

  int currentKeyGroup() {
    return currentKeyGroup;
  }

  @Override
  public void setCurrentKey(Object key, int keyGroup) {
    super.setCurrentKey(key, keyGroup);
    currentKeyGroup = keyGroup;
  }

  @Override
  public CompletableFuture<SnapshotManifest> snapshot(
      String snapshotName, TypeSerializer<?> keySerializer, SnapshotStorage storage, Executor writer) {
    prepareSnapshot();
    return delegate.snapshot(snapshotName, keySerializer, storage, writer);
  }

  /** Passes {@code type} through, so an operator with timers gets incremental snapshots where its backend has them. */
  @Override
  public CompletableFuture<SnapshotManifest> snapshot(String snapshotName, TypeSerializer<?> keySerializer,
      SharedFileRegistry registry, Executor writer, SnapshotType type) {
    prepareSnapshot();
    return delegate.snapshot(snapshotName, keySerializer, registry, writer, type);
  }

  private void prepareSnapshot() {
    timerStates(); // restored timers not touched since still sit unregistered in the backend: register them so they are saved
    persistTimers();
    timers.snapshotStarted();
  }

  /** Brings the timers' map states up to date (the queues defer their writes), keeping the current key. */
  private void persistTimers() {
    Object key = delegate.currentKey();
    int keyGroup = currentKeyGroup;
    eventTime.persist(this::setCurrentKey);
    processingTime.persist(this::setCurrentKey);
    timers.beforeSnapshot();
    if (key != null) {
      setCurrentKey(key, keyGroup);
    }
  }

  @Override
  public void restore(SnapshotStorage storage, List<String> snapshotNames, TypeSerializer<?> keySerializer) {
    delegate.restore(storage, snapshotNames, keySerializer);
    Map<String, RestoredState> states =
        KeyedSnapshotReader.read(storage, snapshotNames, delegate.keyGroupRange(), maxParallelism, keySerializer);
    TimerRestore.restore(states, keySerializer,
        Map.of(EVENT_TIME_TIMERS, eventTime, PROCESSING_TIME_TIMERS, processingTime));
    Map<String, RestoredState> internal = new HashMap<>();
    states.forEach((name, state) -> {
      if (name.startsWith(INTERNAL_PREFIX)) {
        internal.put(name, state);
      }
    });
    timers.restoredInternalStates(internal, keySerializer);
    timerStates();
  }
}
