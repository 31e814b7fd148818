package com.example.wordcount;

import io.weir.api.Emitter;
import io.weir.api.OperatorContext;
import io.weir.runtime.operator.OperatorInvoker;
import io.weir.runtime.operator.OperatorStateBinding;
import io.weir.state.backend.KeyedStateBackend;
import io.weir.state.operator.OperatorStateStore;
import io.weir.state.operator.Redistribution;
import io.weir.state.serialization.StringSerializer;
import javax.annotation.processing.Generated;

/**
 * Calls {@link AlertSink} for the Weir runtime.
 */
@Generated("io.weir.processor.WeirProcessor")
public final class AlertSink_WeirInvoker implements OperatorInvoker<Void>, OperatorStateBinding {
  private final AlertSink operator = new AlertSink();

  @Override
  public void open(OperatorContext context, KeyedStateBackend state) throws Exception {
  }

  @Override
  public void process(int input, Object record, Emitter<Void> out) throws Exception {
    switch (input) {
      case 0 -> operator.write((Alert) record);
      default -> throw new IllegalArgumentException("AlertSink has no input " + input);
    }
  }

  @Override
  public void close() throws Exception {
  }

  @Override
  public void bindOperatorState(OperatorStateStore store) {
    operator.words = store.listState("words", StringSerializer.INSTANCE, Redistribution.UNION);
  }
}
