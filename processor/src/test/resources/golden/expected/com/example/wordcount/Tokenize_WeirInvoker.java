package com.example.wordcount;

import io.weir.api.Emitter;
import io.weir.api.OperatorContext;
import io.weir.runtime.operator.OperatorInvoker;
import io.weir.state.backend.KeyedStateBackend;
import javax.annotation.processing.Generated;

/**
 * Calls {@link Tokenize} for the Weir runtime.
 */
@Generated("io.weir.processor.WeirProcessor")
public final class Tokenize_WeirInvoker implements OperatorInvoker<Word> {
  private final Tokenize operator = new Tokenize();

  @Override
  public void open(OperatorContext context, KeyedStateBackend state) throws Exception {
  }

  @Override
  public void process(int input, Object record, Emitter<Word> out) throws Exception {
    switch (input) {
      case 0 -> operator.process((String) record, out);
      default -> throw new IllegalArgumentException("Tokenize has no input " + input);
    }
  }

  @Override
  public void close() throws Exception {
  }
}
