package com.example.wordcount;

import io.weir.api.Emitter;
import io.weir.api.SourceContext;
import io.weir.api.SourceReader;
import io.weir.runtime.operator.OperatorStateBinding;
import io.weir.state.operator.OperatorStateStore;
import io.weir.state.operator.Redistribution;
import javax.annotation.processing.Generated;

/**
 * Runs {@link Thresholds} for the Weir runtime, with its operator state bound.
 */
@Generated("io.weir.processor.WeirProcessor")
public final class Thresholds_WeirSource implements SourceReader<Threshold>, OperatorStateBinding {
  private final Thresholds source = new Thresholds();

  @Override
  public void bindOperatorState(OperatorStateStore store) {
    source.sent = store.listState("emitted", Threshold_WeirSerializer.INSTANCE, Redistribution.EVEN_SPLIT);
  }

  @Override
  public void open(SourceContext context) throws Exception {
    source.open(context);
  }

  @Override
  public SourceReader.Status poll(Emitter<Threshold> out) throws Exception {
    return source.poll(out);
  }

  @Override
  public void close() throws Exception {
    source.close();
  }
}
