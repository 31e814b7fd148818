package io.weir.benchmarks.wordcount;

import io.weir.api.Emitter;
import io.weir.api.Keyed;
import io.weir.api.Operator;
import io.weir.api.State;
import io.weir.state.ValueState;

/**
 * Keeps a count per word in a {@code ValueState<Long>} and emits (word, count) on every update,
 * as the anchor's {@code CountFn}. The input is the word itself, so the key is read by a method.
 */
@Operator(from = SplitWords.class)
@Keyed("word")
public final class CountWords {
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
