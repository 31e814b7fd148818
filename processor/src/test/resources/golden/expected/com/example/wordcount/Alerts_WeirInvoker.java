package com.example.wordcount;

import io.weir.api.Emitter;
import io.weir.api.OperatorContext;
import io.weir.runtime.operator.OperatorInvoker;
import io.weir.state.backend.KeyedStateBackend;
import io.weir.state.backend.StateDescriptor;
import io.weir.state.serialization.LongSerializer;
import javax.annotation.processing.Generated;

/**
 * Calls {@link Alerts} for the Weir runtime.
 */
@Generated("io.weir.processor.WeirProcessor")
public final class Alerts_WeirInvoker implements OperatorInvoker<Alert> {
  private final Alerts operator = new Alerts();

  @Override
  public void open(OperatorContext context, KeyedStateBackend state) throws Exception {
    operator.limit = state.valueState(StateDescriptor.value("limit", LongSerializer.INSTANCE));
  }

  @Override
  public void process(int input, Object record, Emitter<Alert> out) throws Exception {
    switch (input) {
      case 0 -> operator.process((Threshold) record, out);
      case 1 -> operator.process((WordCount) record, out);
      default -> throw new IllegalArgumentException("Alerts has no input " + input);
    }
  }

  @Override
  public void close() throws Exception {
  }
}
