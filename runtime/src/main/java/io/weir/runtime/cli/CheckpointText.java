package io.weir.runtime.cli;

import io.weir.runtime.rpc.CheckpointSummary;
import io.weir.runtime.rpc.JobCheckpoints;
import java.util.Locale;

/**
 * The checkpoint part of {@code weir status}: counts, what the current attempt restored from, the
 * latest completed checkpoint's location, and one row per recent checkpoint, for example:
 *
 * <pre>
 * Checkpoints: 5 completed, 1 failed, 0 in progress
 * Restored:    checkpoint 3 from /cp/1f2e/chk-3-metadata
 * Latest:      checkpoint 7 at /cp/1f2e/chk-7-metadata
 *     ID  TYPE        STATUS       ACKED  DURATION      SYNC     ASYNC     ALIGN        SIZE  INCREMENTAL   IN-FLIGHT  ATTEMPT
 *      7  checkpoint  COMPLETED      4/4    120 ms      2 ms     80 ms      5 ms     8.8 KiB        300 B         0 B        2
 * </pre>
 *
 * Times are the longest over the subtasks; sizes are summed (SIZE: state referred to, INCREMENTAL:
 * what this checkpoint wrote, IN-FLIGHT: buffers stored by unaligned snapshots); ATTEMPT is the
 * attempt that took it. A failed checkpoint's reason follows its row.
 */
final class CheckpointText {
  static final String HEADER = String.format("%6s  %-10s  %-11s  %5s  %8s  %8s  %8s  %8s  %10s  %11s  %10s  %7s",
      "ID", "TYPE", "STATUS", "ACKED", "DURATION", "SYNC", "ASYNC", "ALIGN", "SIZE", "INCREMENTAL", "IN-FLIGHT", "ATTEMPT");

  private CheckpointText() {}

  static void append(JobCheckpoints checkpoints, StringBuilder text) {
    if (checkpoints.recent().isEmpty() && checkpoints.completed() == 0 && checkpoints.failed() == 0
        && checkpoints.restoredCheckpointId() == 0) {
      return;
    }
    text.append("Checkpoints: ").append(checkpoints.completed()).append(" completed, ").append(checkpoints.failed())
        .append(" failed, ").append(checkpoints.inProgress()).append(" in progress\n");
    if (checkpoints.restoredCheckpointId() > 0) {
      text.append("Restored:    checkpoint ").append(checkpoints.restoredCheckpointId()).append(" from ")
          .append(checkpoints.restoredFrom()).append('\n');
    }
    for (int i = checkpoints.recent().size() - 1; i >= 0; i--) {
      CheckpointSummary latest = checkpoints.recent().get(i);
      if (latest.status() == CheckpointSummary.Status.COMPLETED) {
        text.append("Latest:      ").append(name(latest)).append(' ').append(latest.id()).append(" at ")
            .append(latest.location()).append('\n');
        break;
      }
    }
    if (checkpoints.recent().isEmpty()) {
      return;
    }
    text.append(HEADER).append('\n');
    for (CheckpointSummary c : checkpoints.recent()) {
      text.append(row(c)).append('\n');
      if (!c.failure().isEmpty()) {
        text.append("        failure: ").append(c.failure()).append('\n');
      }
    }
  }

  static String row(CheckpointSummary c) {
    return String.format("%6d  %-10s  %-11s  %5s  %8s  %8s  %8s  %8s  %10s  %11s  %10s  %7d", c.id(), name(c), c.status(),
        c.acknowledged() + "/" + c.total(), millis(c.durationMillis()), millis(c.syncMillis()), millis(c.asyncMillis()),
        millis(c.alignmentMillis()), bytes(c.stateBytes()), bytes(c.writtenBytes()), bytes(c.inFlightBytes()),
        c.attempt() + 1);
  }

  private static String name(CheckpointSummary c) {
    return c.type().name().toLowerCase(Locale.ROOT);
  }

  private static String millis(long ms) {
    return ms + " ms";
  }

  /** Bytes in binary units with one decimal, e.g. {@code 300 B}, {@code 8.8 KiB}, {@code 1.5 MiB}. */
  static String bytes(long n) {
    if (n < 1024) {
      return n + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double value = n;
    int unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }
}
