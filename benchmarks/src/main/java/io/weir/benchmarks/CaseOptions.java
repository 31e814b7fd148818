package io.weir.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code key=value} options after a benchmark main's case name, in the anchor's style. */
public final class CaseOptions {
  private CaseOptions() {}

  /** Options from {@code args[1..]}; {@code args[0]} is the case name. */
  public static Map<String, String> parse(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 1; i < args.length; i++) {
      int eq = args[i].indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("bad argument " + args[i] + " (expected key=value)");
      }
      options.put(args[i].substring(0, eq), args[i].substring(eq + 1));
    }
    return options;
  }
}
