package io.weir.samples.wordcount;

import io.weir.api.Emitter;
import io.weir.api.Keyed;
import io.weir.api.Operator;
import io.weir.api.State;
import io.weir.state.ValueState;

/** Counts each word; Weir keeps one {@code count} per word and routes every word to one instance. */
@Operator(from = Tokenize.class)
@Keyed("text")
public final class Count {
  @State ValueState<Long> count;

  public void process(Word word, Emitter<WordCount> out) {
    Long previous = count.value();
    long next = previous == null ? 1 : previous + 1;
    count.update(next);
    out.emit(new WordCount(word.text(), next));
  }
}
