package com.example.wordcount;

import io.weir.api.Emitter;
import io.weir.api.Keyed;
import io.weir.api.Operator;
import io.weir.api.OperatorContext;
import io.weir.api.State;
import io.weir.state.AggregatingState;
import io.weir.state.MapState;
import io.weir.state.ReducingState;
import io.weir.state.ValueState;

/**
 * Keyed by word: counts occurrences (value state), letters seen (reducing state), the mean length
 * (aggregating state) and, per occurrence number, the subtask that saw it (map state).
 */
@Operator(from = Tokenize.class, parallelism = 4)
@Keyed("text")
public final class Count {
  @State ValueState<Long> count;
  @State(name = "letters", reducer = SumLongs.class) ReducingState<Long> total;
  @State(aggregator = MeanLength.class) AggregatingState<Long, Double> meanLength;
  @State MapState<Long, String> seenBy;
  String subtask = "";

  public void open(OperatorContext context) {
    subtask = context.operatorName() + "#" + context.subtaskIndex();
  }

  public void process(Word word, Emitter<WordCount> out) {
    Long previous = count.value();
    long next = previous == null ? 1 : previous + 1;
    count.update(next);
    total.add((long) word.text().length());
    meanLength.add((long) word.text().length());
    seenBy.put(next, subtask);
    out.emit(new WordCount(word.text(), next));
  }
}
