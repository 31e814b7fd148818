package com.example.wordcount;

import io.weir.api.AggregateFunction;

/** Mean word length per key; the accumulator is a record, so it gets a generated serializer. */
public final class MeanLength implements AggregateFunction<Long, MeanLength.Sum, Double> {
  /** Total length and number of words so far. */
  public record Sum(long total, long count) {}

  @Override
  public Sum createAccumulator() {
    return new Sum(0, 0);
  }

  @Override
  public Sum add(Long value, Sum sum) {
    return new Sum(sum.total() + value, sum.count() + 1);
  }

  @Override
  public Double getResult(Sum sum) {
    return (double) sum.total() / sum.count();
  }
}
