package com.example.wordcount;

import io.weir.api.Sink;
import java.util.ArrayList;
import java.util.List;

/** Union of two upstreams of one type. */
@Sink(from = {Frequent.class, Count.class})
public final class Print {
  final List<WordCount> written = new ArrayList<>();

  public void write(WordCount count) {
    written.add(count);
  }

  public void close() {
    written.clear();
  }
}
