package io.weir.benchmarks.recovery;

import io.weir.api.Emitter;
import io.weir.api.Operator;
import io.weir.benchmarks.wordcount.SplitWords;

/** W1's tokenizer for the kill-to-resume job, delegating to {@link SplitWords}. */
@Operator(from = PacedLines.class)
public final class PacedSplit {
  private final SplitWords split = new SplitWords();

  public void process(String line, Emitter<String> out) {
    split.process(line, out);
  }
}
