package com.example.wordcount;

import io.weir.api.Emitter;
import io.weir.api.OperatorContext;
import io.weir.runtime.operator.OperatorInvoker;
import io.weir.state.backend.KeyedStateBackend;
import javax.annotation.processing.Generated;

/**
 * Calls {@link Frequent} for the Weir runtime.
 */
@Generated("io.weir.processor.WeirProcessor")
public final class Frequent_WeirInvoker implements OperatorInvoker<WordCount> {
  private final Frequent operator = new Frequent();

  @Override
  public void open(OperatorContext context, KeyedStateBackend state) throws Exception {
  }

  @Override
  public void process(int input, Object record, Emitter<WordCount> out) throws Exception {
    switch (input) {
      case 0 -> {
        WordCount in = (WordCount) record;
        if (operator.filter(in)) {
          out.emit(in);
        }
      }
      default -> throw new IllegalArgumentException("Frequent has no input " + input);
    }
  }

  @Override
  public void close() throws Exception {
  }
}
