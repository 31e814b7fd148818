package io.weir.runtime.task;

import io.weir.runtime.checkpoint.CheckpointOptions;
import io.weir.runtime.checkpoint.CheckpointingMode;
import io.weir.runtime.network.CancelCheckpointMarker;
import io.weir.runtime.network.ChannelEvent;
import io.weir.runtime.network.CheckpointBarrier;
import io.weir.runtime.network.EndOfInput;
import io.weir.runtime.network.NetworkBuffer;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

/**
 * The checkpoint side of an input task's loop (asynchronous barrier snapshots): every buffer read
 * from the gate passes through {@link #accept} before the task processes it. It decides when the
 * task snapshots and forwards a barrier, and which buffers wait or are recorded:
 * <ul>
 *   <li>EXACTLY_ONCE aligned: a channel that delivered the barrier is blocked (its later buffers are
 *       held, in order) until every open channel delivered it; then the snapshot, the barrier goes
 *       on, and the held buffers are processed before anything newer.</li>
 *   <li>AT_LEAST_ONCE: nothing is blocked; the snapshot follows the last barrier.</li>
 *   <li>UNALIGNED: snapshot and barrier at the first barrier; then the data each channel delivers
 *       until its barrier, plus the {@code overtaken} buffers following each barrier, is processed
 *       and also recorded ({@link InFlightRecording}).</li>
 *   <li>An aligned checkpoint whose alignment outlasts its timeout, or meets a priority barrier of
 *       an upstream that already switched, turns unaligned here: the held buffers follow the cut
 *       (processed, not recorded), the channels still without barrier are recorded.</li>
 * </ul>
 * A newer barrier gives up an older checkpoint still pending here; a {@link CancelCheckpointMarker}
 * unblocks and drops it and is passed on; channels that ended count as aligned. Task thread only.
 */
final class BarrierHandler {

  /** What the handler asks of its task. */
  interface Actions {
    /**
     * Snapshot the chain for {@code barrier}'s checkpoint, then send {@code barrier} downstream
     * (already reset to nothing overtaken; unaligned if this task switched). {@code inFlight} is
     * null for an aligned snapshot, else completes with the recorded buffers.
     */
    void snapshot(CheckpointBarrier barrier, long alignmentNanos, CompletableFuture<List<InFlightBuffer>> inFlight);

    /**
     * Checkpoint {@code checkpointId} is given up here before its snapshot: decline it with
     * {@code reason} (null: an upstream already declined it) and send a cancel marker downstream.
     */
    void giveUp(long checkpointId, String reason);
  }

  private final int channels;
  private final Actions actions;
  private final LongSupplier nanoClock;
  private final boolean[] ended;
  private final boolean[] blocked;
  private final ArrayDeque<NetworkBuffer>[] held;
  /** Buffers unblocked by the end of an alignment, to run through {@link #accept} before new input. */
  private final ArrayDeque<NetworkBuffer> released = new ArrayDeque<>();
  /** The newest checkpoint this task has seen a barrier or cancel marker of; older ones are stale. */
  private long currentId;
  /** The aligning (or at-least-once collecting) checkpoint's barrier; null when none is pending. */
  private CheckpointBarrier pending;
  private boolean[] arrived;
  private long firstBarrierNanos;
  private InFlightRecording recording;
  private long lastCancelForwarded;

  @SuppressWarnings("unchecked")
  BarrierHandler(int channels, Actions actions, LongSupplier nanoClock) {
    this.channels = channels;
    this.actions = actions;
    this.nanoClock = nanoClock;
    this.ended = new boolean[channels];
    this.blocked = new boolean[channels];
    this.held = new ArrayDeque[channels];
    for (int c = 0; c < channels; c++) {
      held[c] = new ArrayDeque<>();
    }
  }

  /** The next buffer unblocked by a finished alignment, or null; the task reads these before the gate. */
  NetworkBuffer nextReleased() {
    return released.pollFirst();
  }

  /**
   * Handles {@code buffer}, just read: returns it when the task should process it now (data, or an
   * event other than a barrier or cancel marker), null when it was held or consumed here.
   */
  NetworkBuffer accept(NetworkBuffer buffer) {
    int channel = buffer.channel();
    if (blocked[channel]) {
      held[channel].addLast(buffer);
      return null;
    }
    if (!buffer.isEvent()) {
      if (recording != null) {
        recording.onData(buffer);
      }
      return buffer;
    }
    ChannelEvent event = buffer.event();
    if (event instanceof CheckpointBarrier barrier) {
      onBarrier(barrier, channel, buffer.overtakenInGate());
      return null;
    }
    if (event instanceof CancelCheckpointMarker marker) {
      onCancel(marker.checkpointId());
      return null;
    }
    if (event instanceof EndOfInput) {
      onEnd(channel);
    }
    return buffer;
  }

  /** When a pending alignment times out (System.nanoTime scale), {@code Long.MAX_VALUE} for none. */
  long alignmentDeadlineNanos() {
    long timeout = alignmentTimeoutNanos();
    return timeout > 0 ? firstBarrierNanos + timeout : Long.MAX_VALUE;
  }

  /** Switches a pending aligned checkpoint to unaligned if its alignment timed out; call when the deadline passed. */
  void checkAlignmentTimeout() {
    long timeout = alignmentTimeoutNanos();
    if (timeout > 0 && nanoClock.getAsLong() - firstBarrierNanos >= timeout) {
      switchToUnaligned(-1, 0, List.of());
    }
  }

  /** Whether a checkpoint is pending or still recording here (for tests and assertions). */
  boolean isIdle() {
    return pending == null && (recording == null || recording.isDone());
  }

  private long alignmentTimeoutNanos() {
    if (pending == null || !exactlyOnce(pending) || pending.options().isSavepoint()) {
      return 0;
    }
    return pending.options().alignmentTimeoutMillis() * 1_000_000L;
  }

  private void onBarrier(CheckpointBarrier barrier, int channel, List<NetworkBuffer> inGate) {
    long id = barrier.checkpointId();
    if (id < currentId) {
      return; // of a checkpoint given up (or done) here already
    }
    if (id > currentId) {
      giveUpCurrent("checkpoint " + id + " overtook it at this task");
      start(barrier, channel, inGate);
      return;
    }
    if (pending != null) {
      arrive(channel, barrier, inGate);
    } else if (recording != null && recording.checkpointId() == id && !recording.barrierArrived(channel)) {
      recording.onBarrier(channel, barrier.overtaken(), inGate);
    }
  }

  private void start(CheckpointBarrier barrier, int channel, List<NetworkBuffer> inGate) {
    currentId = barrier.checkpointId();
    firstBarrierNanos = nanoClock.getAsLong();
    arrived = new boolean[channels];
    if (barrier.isPriority()) {
      recording = new InFlightRecording(currentId, ended);
      recording.onBarrier(channel, barrier.overtaken(), inGate);
      takeUnaligned(barrier, recording);
      return;
    }
    pending = barrier;
    arrive(channel, barrier, inGate);
  }

  private void arrive(int channel, CheckpointBarrier barrier, List<NetworkBuffer> inGate) {
    if (arrived[channel]) {
      throw new IllegalStateException("channel " + channel + " delivered the barrier of checkpoint "
          + barrier.checkpointId() + " twice");
    }
    arrived[channel] = true;
    if (barrier.isPriority()) {
      switchToUnaligned(channel, barrier.overtaken(), inGate); // its upstream switched already
      return;
    }
    if (exactlyOnce(pending)) {
      blocked[channel] = true;
    }
    completeIfAligned();
  }

  /** All open channels delivered the pending barrier: snapshot, pass the barrier on, unblock. */
  private void completeIfAligned() {
    for (int c = 0; c < channels; c++) {
      if (!arrived[c] && !ended[c]) {
        return;
      }
    }
    CheckpointBarrier barrier = pending;
    pending = null;
    actions.snapshot(new CheckpointBarrier(barrier.checkpointId(), barrier.timestampMillis(), barrier.options()),
        nanoClock.getAsLong() - firstBarrierNanos, null);
    unblockAll();
  }

  /**
   * The pending aligned checkpoint becomes unaligned here. {@code channel} (or -1) delivered a
   * priority barrier that overtook {@code overtaken} buffers; channels without barrier are recorded.
   */
  private void switchToUnaligned(int channel, int overtaken, List<NetworkBuffer> inGate) {
    CheckpointBarrier barrier = pending;
    pending = null;
    recording = new InFlightRecording(barrier.checkpointId(), ended);
    for (int c = 0; c < channels; c++) {
      if (arrived[c] && !ended[c]) {
        recording.onBarrier(c, c == channel ? overtaken : 0, c == channel ? inGate : List.of());
      }
    }
    CheckpointOptions o = barrier.options();
    takeUnaligned(new CheckpointBarrier(barrier.checkpointId(), barrier.timestampMillis(),
        new CheckpointOptions(o.type(), o.mode(), true, o.alignmentTimeoutMillis(), o.targetLocation())), recording);
    unblockAll(); // held buffers follow the cut: processed, not recorded
  }

  private void takeUnaligned(CheckpointBarrier barrier, InFlightRecording rec) {
    rec.completeIfDone();
    actions.snapshot(new CheckpointBarrier(barrier.checkpointId(), barrier.timestampMillis(), barrier.options()),
        nanoClock.getAsLong() - firstBarrierNanos, rec.done());
  }

  private void onCancel(long id) {
    if (id < currentId) {
      return;
    }
    if (id > currentId) {
      giveUpCurrent("checkpoint " + id + " was cancelled upstream, which overtook it");
      currentId = id;
    } else if (pending != null) {
      pending = null;
      unblockAll();
    } else if (recording != null && recording.checkpointId() == id && !recording.isDone()) {
      recording.abort("checkpoint " + id + " was cancelled upstream");
      recording = null;
    }
    if (id > lastCancelForwarded) {
      lastCancelForwarded = id;
      actions.giveUp(id, null);
    }
  }

  /** A newer checkpoint arrived: the current one, pending or recording, is given up here. */
  private void giveUpCurrent(String reason) {
    if (pending != null) {
      long id = pending.checkpointId();
      pending = null;
      unblockAll();
      lastCancelForwarded = Math.max(lastCancelForwarded, id);
      actions.giveUp(id, reason);
    }
    if (recording != null && !recording.isDone()) {
      long id = recording.checkpointId();
      recording.abort(reason); // its snapshot declines when its in-flight data fails
      lastCancelForwarded = Math.max(lastCancelForwarded, id);
      actions.giveUp(id, null);
    }
    recording = null;
  }

  private void onEnd(int channel) {
    ended[channel] = true;
    if (recording != null) {
      recording.onEnd(channel);
    }
    if (pending != null && !arrived[channel]) {
      completeIfAligned(); // an ended channel counts as aligned
    }
  }

  private void unblockAll() {
    for (int c = 0; c < channels; c++) {
      blocked[c] = false;
      released.addAll(held[c]);
      held[c].clear();
    }
  }

  private static boolean exactlyOnce(CheckpointBarrier barrier) {
    return barrier.options().mode() == CheckpointingMode.EXACTLY_ONCE;
  }
}
