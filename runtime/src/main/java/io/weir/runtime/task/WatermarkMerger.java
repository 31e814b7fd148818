package io.weir.runtime.task;

import java.util.Arrays;

/**
 * The event time of a task with several input channels: each channel's latest watermark and
 * status, combined into the minimum over the channels that are neither idle nor ended. An idle
 * channel becomes active again with its next watermark. The task is idle when every channel that
 * has not ended is idle; its watermark never goes back.
 */
final class WatermarkMerger {
  private final long[] watermarks;
  private final boolean[] idle;
  private final boolean[] ended;
  private long combined = Long.MIN_VALUE;

  WatermarkMerger(int channels) {
    watermarks = new long[channels];
    Arrays.fill(watermarks, Long.MIN_VALUE);
    idle = new boolean[channels];
    ended = new boolean[channels];
  }

  void onWatermark(int channel, long timestamp) {
    idle[channel] = false;
    if (timestamp > watermarks[channel]) {
      watermarks[channel] = timestamp;
    }
    recompute();
  }

  void onStatus(int channel, boolean isIdle) {
    idle[channel] = isIdle;
    recompute();
  }

  void onEnd(int channel) {
    ended[channel] = true;
    recompute();
  }

  /** The combined watermark; {@code Long.MIN_VALUE} until every active channel has sent one. */
  long watermark() {
    return combined;
  }

  /** Whether no channel that has not ended is active. */
  boolean idle() {
    boolean anyOpen = false;
    for (int c = 0; c < idle.length; c++) {
      if (!ended[c]) {
        anyOpen = true;
        if (!idle[c]) {
          return false;
        }
      }
    }
    return anyOpen;
  }

  private void recompute() {
    long min = Long.MAX_VALUE;
    boolean anyActive = false;
    for (int c = 0; c < watermarks.length; c++) {
      if (!idle[c] && !ended[c]) {
        anyActive = true;
        min = Math.min(min, watermarks[c]);
      }
    }
    if (anyActive && min > combined) {
      combined = min;
    }
  }
}
