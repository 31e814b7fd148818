package com.example.clicks;

import io.weir.api.Emitter;
import io.weir.api.Keyed;
import io.weir.api.OnTimer;
import io.weir.api.Operator;
import io.weir.api.State;
import io.weir.api.TimeDomain;
import io.weir.api.TimerService;
import io.weir.state.ValueState;

/** Alerts when a user has not clicked for ten seconds of event time. */
@Operator(from = Clicks.class)
@Keyed("user")
public final class Inactivity {
  static final long TIMEOUT = 10_000;

  @State ValueState<Long> lastClick;

  public void process(Click click, TimerService timers, Emitter<Alert> out) {
    Long last = lastClick.value();
    if (last != null) {
      timers.deleteEventTimeTimer(last + TIMEOUT);
    }
    long latest = last == null ? click.time() : Math.max(last, click.time());
    lastClick.update(latest);
    timers.registerEventTimeTimer(latest + TIMEOUT);
  }

  @OnTimer
  public void onTimer(long timestamp, TimeDomain domain, TimerService timers, Emitter<Alert> out) {
    out.emit(new Alert(lastClick.value(), timestamp));
    lastClick.clear();
  }
}
