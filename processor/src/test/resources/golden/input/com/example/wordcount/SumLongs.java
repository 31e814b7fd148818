package com.example.wordcount;

import io.weir.api.ReduceFunction;

public final class SumLongs implements ReduceFunction<Long> {
  @Override
  public Long reduce(Long accumulated, Long value) {
    return accumulated + value;
  }
}
