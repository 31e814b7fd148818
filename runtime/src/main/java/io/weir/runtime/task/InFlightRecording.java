package io.weir.runtime.task;

import io.weir.runtime.network.NetworkBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The in-flight data of one unaligned checkpoint at one input task, collected after its snapshot
 * was taken: records that precede the cut on their channel but were processed after the snapshot
 * froze the state, so a restore must replay them. A channel contributes every data buffer until its
 * barrier arrives, then the {@code overtaken} data buffers its barrier jumped; a channel that ended
 * contributes nothing more. {@link #done()} completes once every channel is finished.
 * Task thread only.
 */
final class InFlightRecording {
  /** Per channel: data buffers still to record; UNTIL_BARRIER before the barrier came. */
  private static final int UNTIL_BARRIER = -1;

  private final long checkpointId;
  private final int[] remaining;
  /** Per channel: data buffers about to be processed that were already recorded when their barrier came. */
  private final int[] alreadyRecorded;
  private int open;
  private long bytes;
  private final List<InFlightBuffer> buffers = new ArrayList<>();
  private final CompletableFuture<List<InFlightBuffer>> done = new CompletableFuture<>();

  /** Every channel records until its barrier, except those already ended. */
  InFlightRecording(long checkpointId, boolean[] ended) {
    this.checkpointId = checkpointId;
    this.remaining = new int[ended.length];
    this.alreadyRecorded = new int[ended.length];
    for (int c = 0; c < ended.length; c++) {
      remaining[c] = ended[c] ? 0 : UNTIL_BARRIER;
      if (!ended[c]) {
        open++;
      }
    }
  }

  long checkpointId() {
    return checkpointId;
  }

  /** Completes with the recorded buffers, in the order they were processed, or fails when the checkpoint was given up. */
  CompletableFuture<List<InFlightBuffer>> done() {
    return done;
  }

  /** Whether channel {@code channel}'s barrier has reached the task (or the channel ended). */
  boolean barrierArrived(int channel) {
    return remaining[channel] != UNTIL_BARRIER;
  }

  /** Channel {@code channel} delivered this checkpoint's barrier, which overtook {@code overtaken} data buffers. */
  void onBarrier(int channel, int overtaken) {
    onBarrier(channel, overtaken, List.of());
  }

  /**
   * Channel {@code channel} delivered this checkpoint's barrier, which overtook {@code overtaken}
   * data buffers, the first of which, {@code inGate}, are still queued in the gate: they are copied
   * now (and skipped when processed), so the checkpoint need not wait until the task gets to them.
   */
  void onBarrier(int channel, int overtaken, List<NetworkBuffer> inGate) {
    if (remaining[channel] != UNTIL_BARRIER) {
      throw new IllegalStateException("channel " + channel + " delivered the barrier of checkpoint " + checkpointId
          + " twice");
    }
    for (NetworkBuffer buffer : inGate) {
      record(buffer);
    }
    alreadyRecorded[channel] = inGate.size();
    remaining[channel] = overtaken - inGate.size();
    if (remaining[channel] == 0) {
      finishChannel();
    }
  }

  private void record(NetworkBuffer buffer) {
    InFlightBuffer copy = InFlightBuffer.of(buffer);
    buffers.add(copy);
    bytes += copy.data().length;
  }

  /** A data buffer the task is about to process: copied if it still precedes the cut. */
  void onData(NetworkBuffer buffer) {
    int channel = buffer.channel();
    if (alreadyRecorded[channel] > 0) {
      alreadyRecorded[channel]--;
      return;
    }
    int left = remaining[channel];
    if (left == 0) {
      return;
    }
    record(buffer);
    if (left > 0) {
      remaining[channel] = left - 1;
      if (left == 1) {
        finishChannel();
      }
    }
  }

  /** Channel {@code channel} ended: nothing more of it precedes the cut. */
  void onEnd(int channel) {
    if (remaining[channel] != 0) {
      remaining[channel] = 0;
      finishChannel();
    }
  }

  /** Completes at once when no channel has anything left to record. */
  void completeIfDone() {
    if (open == 0) {
      done.complete(List.copyOf(buffers));
    }
  }

  boolean isDone() {
    return done.isDone();
  }

  /** Bytes recorded so far. */
  long bytes() {
    return bytes;
  }

  /** The checkpoint was given up at this task: its snapshot fails with {@code reason}. */
  void abort(String reason) {
    done.completeExceptionally(new Aborted(reason));
  }

  private void finishChannel() {
    open--;
    completeIfDone();
  }

  /**
   * The checkpoint was given up at this subtask before its in-flight data was complete (a newer
   * barrier overtook it, or an upstream task cancelled it): its snapshot declines with the message.
   */
  static final class Aborted extends RuntimeException {
    Aborted(String reason) {
      super(reason, null, false, false); // a control-flow signal: no stack trace needed
    }
  }
}
