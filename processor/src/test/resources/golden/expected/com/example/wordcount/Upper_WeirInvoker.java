package com.example.wordcount;

import io.weir.api.Emitter;
import io.weir.api.OperatorContext;
import io.weir.runtime.operator.OperatorInvoker;
import io.weir.state.backend.KeyedStateBackend;
import javax.annotation.processing.Generated;

/**
 * Calls {@link Upper} for the Weir runtime.
 */
@Generated("io.weir.processor.WeirProcessor")
public final class Upper_WeirInvoker implements OperatorInvoker<WordCount> {
  private final Upper operator = new Upper();

  @Override
  public void open(OperatorContext context, KeyedStateBackend state) throws Exception {
  }

  @Override
  public void process(int input, Object record, Emitter<WordCount> out) throws Exception {
    switch (input) {
      case 0 -> out.emit(operator.process((WordCount) record));
      default -> throw new IllegalArgumentException("Upper has no input " + input);
    }
  }

  @Override
  public void close() throws Exception {
  }
}
