package io.weir.benchmarks.cluster;

import io.weir.api.Emitter;
import io.weir.api.Operator;
import io.weir.benchmarks.wordcount.SplitWords;

/** W1's tokenizer, delegating to {@link SplitWords} (single spaces, as the anchor's). */
@Operator(from = ClusterLines.class)
public final class ClusterSplit {
  private final SplitWords split = new SplitWords();

  public void process(String line, Emitter<String> out) {
    split.process(line, out);
  }
}
