package it.weir.sums;

import io.weir.api.Emitter;
import io.weir.api.Keyed;
import io.weir.api.Operator;
import io.weir.api.State;
import io.weir.state.ValueState;

/** Keeps a running sum per parity and emits it after every number. */
@Operator(from = Classify.class)
@Keyed("parity")
public final class SumByParity {
  @State ValueState<Long> sum;

  public void process(ParityNumber number, Emitter<Total> out) {
    Long current = sum.value();
    long updated = (current == null ? 0 : current) + number.value();
    sum.update(updated);
    out.emit(new Total(number.parity(), updated));
  }
}
