package io.weir.runtime.clusterjob;

import java.util.HashMap;
import java.util.Map;

/** The word-count input: 4096 distinct lines of 4-12 words from a 997-word vocabulary, repeated. */
public final class Text {
  private static final String[] LINES = new String[4096];

  static {
    String[] vocabulary = new String[997];
    for (int i = 0; i < vocabulary.length; i++) {
      vocabulary[i] = "w" + Integer.toString(i * 7919 % 100_003, 36);
    }
    long seed = 42;
    for (int i = 0; i < LINES.length; i++) {
      StringBuilder sb = new StringBuilder();
      for (int w = 0, words = 4 + (i % 9); w < words; w++) {
        seed = seed * 6364136223846793005L + 1442695040888963407L;
        sb.append(w > 0 ? " " : "").append(vocabulary[(int) ((seed >>> 33) % vocabulary.length)]);
      }
      LINES[i] = sb.toString();
    }
  }

  private Text() {}

  public static String line(long i) {
    return LINES[(int) (i % LINES.length)];
  }

  /** The expected count per word of the first {@code lines} lines, with plain Java. */
  public static Map<String, Long> oracle(long lines) {
    Map<String, Long> counts = new HashMap<>();
    for (long i = 0; i < lines; i++) {
      for (String word : line(i).split(" ")) {
        counts.merge(word, 1L, Long::sum);
      }
    }
    return counts;
  }
}
