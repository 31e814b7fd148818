package io.weir.benchmarks.recovery;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The lines {@link ResumeSink} instances print and {@link KillToResumeBenchmark} reads from the
 * TaskManagers' output:
 *
 * <pre>
 * WEIRBENCH role=first run=R subtask=I of=P open_nanos=N first_nanos=N
 * WEIRBENCH role=progress run=R subtask=I of=P open_nanos=N nanos=N records=N
 * </pre>
 *
 * {@code open_nanos} identifies the sink instance (a restarted attempt opens new ones).
 */
public final class ResumeReport {
  public static final String PREFIX = "WEIRBENCH ";

  private ResumeReport() {}

  static String first(String run, int subtask, int parallelism, long openNanos, long firstNanos) {
    return PREFIX + "role=first run=" + run + " subtask=" + subtask + " of=" + parallelism + " open_nanos=" + openNanos
        + " first_nanos=" + firstNanos;
  }

  static String progress(String run, int subtask, int parallelism, long openNanos, long nanos, long records) {
    return PREFIX + "role=progress run=" + run + " subtask=" + subtask + " of=" + parallelism + " open_nanos=" + openNanos
        + " nanos=" + nanos + " records=" + records;
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
