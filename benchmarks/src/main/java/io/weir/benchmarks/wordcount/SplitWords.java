package io.weir.benchmarks.wordcount;

import io.weir.api.Emitter;
import io.weir.api.Operator;

/** Splits a line on single spaces, exactly as the anchor's {@code Tokenizer}. */
@Operator(from = WordLines.class)
public final class SplitWords {
  public void process(String line, Emitter<String> out) {
    int start = 0;
    int space;
    while ((space = line.indexOf(' ', start)) >= 0) {
      out.emit(line.substring(start, space));
      start = space + 1;
    }
    out.emit(line.substring(start));
  }
}
