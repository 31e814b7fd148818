package com.example.wordcount;

import io.weir.api.Emitter;
import io.weir.api.Job;
import io.weir.api.Source;
import io.weir.api.SourceReader;
import java.util.List;

/** Emits a few fixed lines, then ends. */
@Job(name = "wordcount", parallelism = 2, maxParallelism = 64)
@Source(job = "wordcount")
public final class Lines implements SourceReader<String> {
  private final List<String> lines = List.of("to be or not to be", "that is the question");
  private int next;

  @Override
  public Status poll(Emitter<String> out) {
    if (next < lines.size()) {
      out.emit(lines.get(next++));
    }
    return next < lines.size() ? Status.MORE : Status.END_OF_INPUT;
  }
}
