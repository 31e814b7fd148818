package com.example.wordcount;

import io.weir.api.Emitter;
import io.weir.api.Source;
import io.weir.api.SourceReader;
import io.weir.api.State;
import io.weir.state.ListState;

/** A second source of the same job, which remembers what it emitted in operator state. */
@Source(job = "wordcount", parallelism = 1)
public final class Thresholds implements SourceReader<Threshold> {
  @State(name = "emitted") ListState<Threshold> sent;

  @Override
  public Status poll(Emitter<Threshold> out) {
    Threshold threshold = new Threshold("TO", 2);
    if (!sent.get().iterator().hasNext()) {
      out.emit(threshold);
      sent.add(threshold);
    }
    return Status.END_OF_INPUT;
  }
}
