package io.weir.benchmarks.window;

import io.weir.api.ReduceFunction;

/** W3's reduction, as the anchor's {@code SumValues}: sums the values, keeps the key and the latest time. */
public final class SumValues implements ReduceFunction<Event> {
  @Override
  public Event reduce(Event accumulated, Event value) {
    return new Event(accumulated.key(), accumulated.value() + value.value(), Math.max(accumulated.time(), value.time()));
  }
}
