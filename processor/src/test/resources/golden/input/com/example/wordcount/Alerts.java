package com.example.wordcount;

import io.weir.api.Emitter;
import io.weir.api.Keyed;
import io.weir.api.Operator;
import io.weir.api.State;
import io.weir.state.ValueState;

/** Two inputs of different types, keyed by the word both carry. */
@Operator(from = {Upper.class, Thresholds.class})
@Keyed("word")
public final class Alerts {
  @State ValueState<Long> limit;

  public void process(Threshold threshold, Emitter<Alert> out) {
    limit.update(threshold.limit());
  }

  public void process(WordCount count, Emitter<Alert> out) {
    Long max = limit.value();
    if (max != null && count.count() >= max) {
      out.emit(new Alert(count.word(), count.count(), max));
    }
  }
}
