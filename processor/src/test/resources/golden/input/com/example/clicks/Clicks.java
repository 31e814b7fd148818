package com.example.clicks;

import io.weir.api.Emitter;
import io.weir.api.EventTime;
import io.weir.api.Source;
import io.weir.api.SourceReader;

/** Clicks of three users, slightly out of order. */
@Source(job = "click-alerts")
public final class Clicks implements SourceReader<Click> {
  private int next;

  @EventTime(maxOutOfOrdernessMillis = 500, idleTimeoutMillis = 5_000)
  public long time(Click click) {
    return click.time();
  }

  @Override
  public Status poll(Emitter<Click> out) {
    if (next >= 30) {
      return Status.END_OF_INPUT;
    }
    out.emit(new Click("user" + next % 3, next * 1_000L - (next % 2) * 300));
    next++;
    return Status.MORE;
  }
}
