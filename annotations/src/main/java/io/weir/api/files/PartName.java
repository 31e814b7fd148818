package io.weir.api.files;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a {@link TransactionalFileSink} file name,
 * {@code part-<subtask>-<start millis>x<hex>-<seq>[.inprogress]}.
 *
 * @param run the whole run token, {@code <start millis>x<hex>}
 */
record PartName(int subtask, long runStartMillis, String run, long sequence, boolean inProgress) {
  private static final Pattern NAME =
      Pattern.compile("part-(\\d{1,9})-((\\d{1,18})x[0-9a-f]{4})-(\\d{1,18})(" + Pattern.quote(TransactionalFileSink.IN_PROGRESS) + ")?");

  /** The parts of {@code name}, or null when it is not such a file name. */
  static PartName parse(String name) {
    Matcher m = NAME.matcher(name);
    if (!m.matches()) {
      return null;
    }
    return new PartName(Integer.parseInt(m.group(1)), Long.parseLong(m.group(3)), m.group(2),
        Long.parseLong(m.group(4)), m.group(5) != null);
  }

  /**
   * Whether the file comes from a run that started before the run {@code run} (at
   * {@code startMillis}) or at the same millisecond, but is not that run itself. Files of later
   * runs (a newer attempt, while this one is a leftover) are never touched.
   */
  boolean olderThan(long startMillis, String run) {
    return runStartMillis <= startMillis && !this.run.equals(run);
  }
}
