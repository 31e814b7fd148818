package com.example.wordcount;

import io.weir.api.Emitter;
import io.weir.api.Source;
import io.weir.api.SourceReader;

/** A second source of the same job. */
@Source(job = "wordcount", parallelism = 1)
public final class Thresholds implements SourceReader<Threshold> {
  @Override
  public Status poll(Emitter<Threshold> out) {
    out.emit(new Threshold("TO", 2));
    return Status.END_OF_INPUT;
  }
}
