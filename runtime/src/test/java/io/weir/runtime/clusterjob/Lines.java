package io.weir.runtime.clusterjob;

import io.weir.api.Emitter;
import io.weir.api.SourceContext;
import io.weir.api.SourceReader;

/**
 * Line i of a deterministic text (see {@link Text}) for i below {@code --lines} (negative: without
 * end), read by subtask i % parallelism. {@code --throttle N} emits N lines per poll and then
 * reports nothing available, so the job runs for a while at a modest rate.
 */
public final class Lines implements SourceReader<String> {
  private long next;
  private long end;
  private int step;
  private int throttle;

  @Override
  public void open(SourceContext context) {
    end = context.parameters().getLong("lines", 1000);
    throttle = context.parameters().getInt("throttle", 0);
    next = context.subtaskIndex();
    step = context.parallelism();
  }

  @Override
  public Status poll(Emitter<String> out) {
    int batch = throttle > 0 ? throttle : 256;
    for (int i = 0; i < batch && (end < 0 || next < end); i++, next += step) {
      out.emit(Text.line(next));
    }
    if (end >= 0 && next >= end) {
      return Status.END_OF_INPUT;
    }
    return throttle > 0 ? Status.NOTHING_AVAILABLE : Status.MORE;
  }
}
