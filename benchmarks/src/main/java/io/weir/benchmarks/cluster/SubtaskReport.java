package io.weir.benchmarks.cluster;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The machine-readable line each source and sink subtask of {@code w1-cluster} prints to its
 * process's standard output, and its parser:
 *
 * <pre>
 * WEIRBENCH role=source run=R subtask=I of=P first_nanos=N first_epoch_us=U lines=L
 * WEIRBENCH role=sink run=R subtask=I of=P end_nanos=N end_epoch_us=U updates=.. emitted_sum=.. words=..
 *     short_words=.. overshoot_words=.. total_updates=.. total_sum=.. total_words=.. check=OK|FAIL
 * </pre>
 *
 * {@code *_nanos} are {@link System#nanoTime()}: on Linux HotSpot that is CLOCK_MONOTONIC, one clock
 * for every process of the machine, so marks of different processes on one machine compare.
 * {@code *_epoch_us} (wall clock) are printed as a cross-check.
 */
public final class SubtaskReport {
  public static final String PREFIX = "WEIRBENCH ";

  private SubtaskReport() {}

  static long epochMicros() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
  }

  static String source(String run, int subtask, int parallelism, long firstNanos, long firstEpochMicros, long lines) {
    return PREFIX + "role=source run=" + run + " subtask=" + subtask + " of=" + parallelism + " first_nanos=" + firstNanos
        + " first_epoch_us=" + firstEpochMicros + " lines=" + lines;
  }

  static String sink(String run, int subtask, int parallelism, long endNanos, long endEpochMicros, long updates,
      long emittedSum, long words, long shortWords, long overshootWords, long totalUpdates, long totalSum,
      long totalWords, boolean ok) {
    return PREFIX + "role=sink run=" + run + " subtask=" + subtask + " of=" + parallelism + " end_nanos=" + endNanos
        + " end_epoch_us=" + endEpochMicros + " updates=" + updates + " emitted_sum=" + emittedSum + " words=" + words
        + " short_words=" + shortWords + " overshoot_words=" + overshootWords + " total_updates=" + totalUpdates
        + " total_sum=" + totalSum + " total_words=" + totalWords + " check=" + (ok ? "OK" : "FAIL");
  }

  /** The key=value fields of a report line, in order; empty if {@code line} is not one. */
  public static Map<String, String> parse(String line) {
    Map<String, String> fields = new LinkedHashMap<>();
    int start = line.indexOf(PREFIX);
    if (start < 0) {
      return fields;
    }
    for (String token : line.substring(start + PREFIX.length()).trim().split("\\s+")) {
      int eq = token.indexOf('=');
      if (eq > 0) {
        fields.put(token.substring(0, eq), token.substring(eq + 1));
      }
    }
    return fields;
  }
}
