package it.weir.choose;

import io.weir.api.Emitter;
import io.weir.api.Source;
import io.weir.api.SourceReader;

/** The odds up to 10. */
@Source(job = "odds")
public final class OddNumbers implements SourceReader<Long> {
  private long next = 1;

  @Override
  public Status poll(Emitter<Long> out) {
    out.emit(next);
    next += 2;
    return next <= 10 ? Status.MORE : Status.END_OF_INPUT;
  }
}
