package io.weir.benchmarks.recovery;

import io.weir.api.Emitter;
import io.weir.api.Keyed;
import io.weir.api.Operator;
import io.weir.api.State;
import io.weir.benchmarks.wordcount.WordCount;
import io.weir.state.ValueState;

/** W1's keyed count for the kill-to-resume job (a state field cannot be delegated): restored on restart. */
@Operator(from = PacedSplit.class)
@Keyed("word")
public final class PacedCount {
  @State ValueState<Long> count;

  public String word(String word) {
    return word;
  }

  public void process(String word, Emitter<WordCount> out) {
    Long previous = count.value();
    long next = previous == null ? 1L : previous + 1L;
    count.update(next);
    out.emit(new WordCount(word, next));
  }
}
