package com.example.wordcount;

import io.weir.api.Emitter;
import io.weir.api.Keyed;
import io.weir.api.Operator;
import io.weir.api.OperatorContext;
import io.weir.api.State;
import io.weir.state.ReducingState;
import io.weir.state.ValueState;

/** Keyed by word: counts occurrences (value state) and letters seen (reducing state). */
@Operator(from = Tokenize.class, parallelism = 4)
@Keyed("text")
public final class Count {
  @State ValueState<Long> count;
  @State(name = "letters", reducer = SumLongs.class) ReducingState<Long> total;
  String subtask = "";

  public void open(OperatorContext context) {
    subtask = context.operatorName() + "#" + context.subtaskIndex();
  }

  public void process(Word word, Emitter<WordCount> out) {
    Long previous = count.value();
    long next = previous == null ? 1 : previous + 1;
    count.update(next);
    total.add((long) word.text().length());
    out.emit(new WordCount(word.text(), next));
  }
}
