package io.weir.benchmarks.window;

import io.weir.api.Emitter;
import io.weir.api.EventTime;
import io.weir.api.Job;
import io.weir.api.Source;
import io.weir.api.SourceContext;
import io.weir.api.SourceReader;
import io.weir.api.WatermarkStrategy;

/**
 * W3's source: events {@code [0, --events)} of {@link WindowEvents} with {@code --seed}, with
 * monotonous watermarks (the anchor's {@code forMonotonousTimestamps}). Instance i of p takes the
 * i-th of p equal shares of the sequence and maps it to events as the anchor does
 * ({@link WindowEvents#eventIndex}), so every instance's time never decreases and all advance at the
 * same pace. Generating the event here does the work of the anchor's chained {@code EventGen} map.
 */
@Job(name = TimedEvents.JOB)
@Source(job = TimedEvents.JOB)
public final class TimedEvents implements SourceReader<Event> {
  public static final String JOB = "w3-window";

  // a modest batch per poll, so the runtime regains control often (watermarks, buffer timeouts)
  private static final int EVENTS_PER_POLL = 2_048;

  private long seed;
  private long events;
  private int shares;
  private long next;
  private long end;
  private boolean started;

  @EventTime(watermarks = WatermarkStrategy.MONOTONOUS)
  public long time(Event event) {
    return event.time();
  }

  @Override
  public void open(SourceContext context) {
    events = context.parameters().getLong("events", -1);
    shares = context.parallelism();
    if (events < 0 || events % shares != 0) {
      throw new IllegalArgumentException("--events is required and must be a multiple of the parallelism");
    }
    seed = context.parameters().getLong("seed", 42);
    next = events / shares * context.subtaskIndex();
    end = next + events / shares;
  }

  @Override
  public Status poll(Emitter<Event> out) {
    if (!started && next < end) {
      started = true;
      WindowTally.markFirstRecord(System.nanoTime());
    }
    long stop = Math.min(end, next + EVENTS_PER_POLL);
    for (; next < stop; next++) {
      out.emit(WindowEvents.event(seed, WindowEvents.eventIndex(next, events, shares)));
    }
    return next < end ? Status.MORE : Status.END_OF_INPUT;
  }
}
