package com.example.wordcount;

import io.weir.api.Emitter;
import io.weir.api.OperatorContext;
import io.weir.runtime.operator.OperatorInvoker;
import io.weir.state.backend.KeyedStateBackend;
import io.weir.state.backend.StateDescriptor;
import io.weir.state.serialization.LongSerializer;
import io.weir.state.serialization.StringSerializer;
import javax.annotation.processing.Generated;

/**
 * Calls {@link Count} for the Weir runtime.
 */
@Generated("io.weir.processor.WeirProcessor")
public final class Count_WeirInvoker implements OperatorInvoker<WordCount> {
  private final Count operator = new Count();

  @Override
  public void open(OperatorContext context, KeyedStateBackend state) throws Exception {
    operator.count = state.valueState(StateDescriptor.value("count", LongSerializer.INSTANCE));
    operator.total = state.reducingState(StateDescriptor.reducing("letters", LongSerializer.INSTANCE, new SumLongs()));
    operator.meanLength = state.aggregatingState(StateDescriptor.aggregating("meanLength", MeanLength_Sum_WeirSerializer.INSTANCE, new MeanLength()));
    operator.seenBy = state.mapState(StateDescriptor.map("seenBy", LongSerializer.INSTANCE, StringSerializer.INSTANCE));
    operator.open(context);
  }

  @Override
  public void process(int input, Object record, Emitter<WordCount> out) throws Exception {
    switch (input) {
      case 0 -> operator.process((Word) record, out);
      default -> throw new IllegalArgumentException("Count has no input " + input);
    }
  }

  @Override
  public void close() throws Exception {
  }
}
