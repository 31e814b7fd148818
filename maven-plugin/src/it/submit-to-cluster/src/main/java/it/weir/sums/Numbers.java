package it.weir.sums;

import io.weir.api.Emitter;
import io.weir.api.Job;
import io.weir.api.Source;
import io.weir.api.SourceContext;
import io.weir.api.SourceReader;

/** The numbers 1..--count, shared out over the source's parallel instances. */
@Job(name = "sums")
@Source(job = "sums")
public final class Numbers implements SourceReader<Long> {
  private long next;
  private long last;
  private long step;

  @Override
  public void open(SourceContext context) {
    next = 1 + context.subtaskIndex();
    step = context.parallelism();
    last = context.parameters().getLong("count", 10);
  }

  @Override
  public Status poll(Emitter<Long> out) {
    for (int i = 0; i < 100 && next <= last; i++, next += step) {
      out.emit(next);
    }
    return next <= last ? Status.MORE : Status.END_OF_INPUT;
  }
}
