package it.weir.failing;

import io.weir.api.Operator;

/** Passes numbers on until it meets 7. */
@Operator(from = Numbers.class)
public final class Explode {
  public Long process(Long value) {
    if (value == 7) {
      throw new IllegalStateException("boom: cannot handle " + value);
    }
    return value;
  }
}
