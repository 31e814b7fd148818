package io.weir.benchmarks.window;

import io.weir.api.Emitter;
import io.weir.api.Keyed;
import io.weir.api.Operator;
import io.weir.api.TimeWindow;
import io.weir.api.Window;

/**
 * W3's window: the sum of each key's values per one-second tumbling event-time window, reduced as
 * records arrive (the anchor's {@code TumblingEventTimeWindows.of(1 s)} with {@code reduce}); emits
 * the reduced event when the watermark passes the window.
 */
@Operator(from = TimedEvents.class)
@Keyed("key")
@Window(sizeMillis = WindowEvents.WINDOW_MILLIS, timestamp = "time", reducer = SumValues.class)
public final class SumPerSecond {
  public void window(Integer key, TimeWindow window, Event sum, Emitter<Event> out) {
    out.emit(sum);
  }
}
