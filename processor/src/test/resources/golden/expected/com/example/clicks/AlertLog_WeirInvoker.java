package com.example.clicks;

import io.weir.api.Emitter;
import io.weir.api.OperatorContext;
import io.weir.runtime.operator.OperatorInvoker;
import io.weir.state.backend.KeyedStateBackend;
import javax.annotation.processing.Generated;

/**
 * Calls {@link AlertLog} for the Weir runtime.
 */
@Generated("io.weir.processor.WeirProcessor")
public final class AlertLog_WeirInvoker implements OperatorInvoker<Void> {
  private final AlertLog operator = new AlertLog();

  @Override
  public void open(OperatorContext context, KeyedStateBackend state) throws Exception {
  }

  @Override
  public void process(int input, Object record, Emitter<Void> out) throws Exception {
    switch (input) {
      case 0 -> operator.write((Alert) record);
      default -> throw new IllegalArgumentException("AlertLog has no input " + input);
    }
  }

  @Override
  public void close() throws Exception {
  }
}
