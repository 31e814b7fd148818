package io.weir.samples.wordcount;

import io.weir.api.Emitter;
import io.weir.api.Operator;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits a line into words: maximal runs of letters and digits, lower-cased. */
@Operator(from = Lines.class)
public final class Tokenize {
  static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

  public void process(String line, Emitter<Word> out) {
    Matcher m = WORD.matcher(line);
    while (m.find()) {
      out.emit(new Word(m.group().toLowerCase(Locale.ROOT)));
    }
  }
}
