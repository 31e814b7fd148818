package io.weir.state.timers;

/**
 * Operator-wide event-time work that is not a timer per key: an operator that keeps some of its
 * keyed state in a structure of its own (pre-aggregated windows) fires it as the watermark moves
 * and writes it into keyed state right before each snapshot, so snapshots, restore and rescaling
 * see it as ordinary keyed state. Registered with {@link KeyedTimers#addWatermarkHook}.
 */
public interface WatermarkHook {
  /**
   * The watermark moved to {@code watermark} (after the keyed timers up to it fired): fire what is
   * due, making each firing's key current on the backend and calling {@code callback} for it.
   */
  void onWatermark(long watermark, TimerCallback callback) throws Exception;

  /**
   * A snapshot is about to be taken: bring the keyed state up to date with the structure. The
   * hook may change the backend's current key; the caller restores it afterwards.
   */
  void beforeSnapshot();
}
