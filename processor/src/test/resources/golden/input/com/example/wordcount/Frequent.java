package com.example.wordcount;

import io.weir.api.Operator;

/** filter: words seen at least twice. */
@Operator(from = Upper.class, name = "frequent")
public final class Frequent {
  public boolean filter(WordCount count) {
    return count.count() >= 2;
  }
}
