package it.weir.failing;

import io.weir.api.Emitter;
import io.weir.api.Source;
import io.weir.api.SourceReader;

/** The numbers 1..10. */
@Source(job = "failing")
public final class Numbers implements SourceReader<Long> {
  private long next = 1;

  @Override
  public Status poll(Emitter<Long> out) {
    out.emit(next++);
    return next <= 10 ? Status.MORE : Status.END_OF_INPUT;
  }
}
