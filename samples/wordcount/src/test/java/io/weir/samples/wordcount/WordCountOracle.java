package io.weir.samples.wordcount;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The word count computed in plain Java, with no Weir involved, to check the job against. */
final class WordCountOracle {
  private WordCountOracle() {}

  static Map<String, Long> countBundledText() throws IOException {
    try (InputStream in = Lines.class.getResourceAsStream(Lines.BUNDLED_TEXT)) {
      return count(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  static Map<String, Long> count(String text) {
    Map<String, Long> counts = new TreeMap<>();
    Matcher m = Pattern.compile("[\\p{L}\\p{N}]+").matcher(text);
    while (m.find()) {
      counts.merge(m.group().toLowerCase(Locale.ROOT), 1L, Long::sum);
    }
    return counts;
  }

  /** The expected output file: one "word count" line per word, sorted by word. */
  static String render(Map<String, Long> counts) {
    StringBuilder sb = new StringBuilder();
    counts.forEach((word, n) -> sb.append(word).append(' ').append(n).append('\n'));
    return sb.toString();
  }
}
