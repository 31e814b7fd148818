package io.weir.runtime.exactlyonce.job;

import io.weir.api.Emitter;
import io.weir.api.OperatorContext;
import io.weir.runtime.operator.OperatorInvoker;
import io.weir.state.ValueState;
import io.weir.state.backend.KeyedStateBackend;
import io.weir.state.backend.StateDescriptor;
import io.weir.state.serialization.LongSerializer;

/**
 * Keyed by key: remembers the last value of each key's sequence in keyed state. Every record must
 * continue it (seq == last + 1) and carry count == seq; otherwise the verdict it passes on names
 * the problem, so the committed output shows it (the job keeps running: a throwing checker would
 * only restart into the same replay).
 */
public final class SequenceCheckerInvoker implements OperatorInvoker<Verdict> {
  private ValueState<Long> last;

  @Override
  public void open(OperatorContext context, KeyedStateBackend state) {
    last = state.valueState(StateDescriptor.value("last", LongSerializer.INSTANCE));
  }

  @Override
  public void process(int input, Object record, Emitter<Verdict> out) {
    Counted counted = (Counted) record;
    Long before = last.value();
    long expected = before == null ? 1 : before + 1;
    String problem = "";
    if (counted.seq() < expected) {
      problem = "duplicate: expected " + expected + " got " + counted.seq();
    } else if (counted.seq() > expected) {
      problem = "gap: expected " + expected + " got " + counted.seq();
    } else if (counted.count() != counted.seq()) {
      problem = "count " + counted.count() + " != seq " + counted.seq();
    }
    last.update(Math.max(counted.seq(), expected - 1)); // a duplicate does not move the sequence back
    out.emit(new Verdict(counted.key(), counted.seq(), counted.count(), problem));
  }

  @Override
  public void close() {}
}
