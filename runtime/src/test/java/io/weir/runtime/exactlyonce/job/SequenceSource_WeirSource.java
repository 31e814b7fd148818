package io.weir.runtime.exactlyonce.job;

import io.weir.api.Emitter;
import io.weir.api.SourceContext;
import io.weir.api.SourceReader;
import io.weir.runtime.operator.OperatorStateBinding;
import io.weir.state.operator.OperatorStateStore;
import io.weir.state.operator.Redistribution;
import io.weir.state.serialization.LongSerializer;

/** What the processor generates for {@link SequenceSource}: binds its operator state, delegates the rest. */
public final class SequenceSource_WeirSource implements SourceReader<Event>, OperatorStateBinding {
  private final SequenceSource source = new SequenceSource();

  @Override
  public void bindOperatorState(OperatorStateStore store) {
    source.positions = store.listState("positions", SequenceSource.PositionSerializer.INSTANCE, Redistribution.EVEN_SPLIT);
    source.opened = store.listState("opened", LongSerializer.INSTANCE, Redistribution.UNION);
  }

  @Override
  public void open(SourceContext context) throws Exception {
    source.open(context);
  }

  @Override
  public Status poll(Emitter<Event> out) throws Exception {
    return source.poll(out);
  }

  @Override
  public void close() throws Exception {
    source.close();
  }
}
