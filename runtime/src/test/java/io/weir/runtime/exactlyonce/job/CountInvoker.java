package io.weir.runtime.exactlyonce.job;

import io.weir.api.Emitter;
import io.weir.api.OperatorContext;
import io.weir.runtime.operator.OperatorInvoker;
import io.weir.state.ValueState;
import io.weir.state.backend.KeyedStateBackend;
import io.weir.state.backend.StateDescriptor;
import io.weir.state.serialization.LongSerializer;

/**
 * Keyed by key: counts the key's events in keyed state and passes each on with the count so far.
 * A record counted twice (restored state that already holds it, then a replay) makes count run
 * ahead of seq; a lost one makes it fall behind.
 */
public final class CountInvoker implements OperatorInvoker<Counted> {
  private ValueState<Long> count;

  @Override
  public void open(OperatorContext context, KeyedStateBackend state) {
    count = state.valueState(StateDescriptor.value("count", LongSerializer.INSTANCE));
  }

  @Override
  public void process(int input, Object record, Emitter<Counted> out) {
    Event event = (Event) record;
    Long seen = count.value();
    long now = seen == null ? 1 : seen + 1;
    count.update(now);
    out.emit(new Counted(event.key(), event.seq(), now));
  }

  @Override
  public void close() {}
}
