package io.weir.state.timers;

import io.weir.api.TimeDomain;

/** What runs when a timer fires; the timer's key is the backend's current key meanwhile. */
@FunctionalInterface
public interface TimerCallback {
  void onTimer(long timestamp, TimeDomain domain) throws Exception;
}
