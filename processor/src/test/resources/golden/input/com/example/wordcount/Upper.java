package com.example.wordcount;

import io.weir.api.Exchange;
import io.weir.api.Operator;

/** map: upper-cases the word. */
@Operator(from = Count.class, exchange = Exchange.REBALANCE)
public final class Upper {
  public WordCount process(WordCount count) {
    return new WordCount(count.word().toUpperCase(), count.count());
  }
}
