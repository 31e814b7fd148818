package it.weir.sums;

import io.weir.api.Operator;

/** Tags each number with its parity (map shape). */
@Operator(from = Numbers.class)
public final class Classify {
  public ParityNumber process(Long value) {
    return new ParityNumber(value % 2 == 0 ? "even" : "odd", value);
  }
}
