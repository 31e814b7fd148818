package it.weir.skip;

import io.weir.api.Emitter;
import io.weir.api.Source;
import io.weir.api.SourceReader;

/** Three ticks. */
@Source(job = "ticks")
public final class Ticks implements SourceReader<Long> {
  private long next = 1;

  @Override
  public Status poll(Emitter<Long> out) {
    out.emit(next++);
    return next <= 3 ? Status.MORE : Status.END_OF_INPUT;
  }
}
