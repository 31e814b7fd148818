package com.example.wordcount;

import io.weir.api.Emitter;
import io.weir.api.Operator;

/** flatMap: one line to its words. */
@Operator(from = Lines.class)
public final class Tokenize {
  public void process(String line, Emitter<Word> out) {
    for (String token : line.split(" ")) {
      if (!token.isEmpty()) {
        out.emit(new Word(token));
      }
    }
  }
}
