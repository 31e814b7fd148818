package io.weir.runtime.metrics;

import io.weir.runtime.checkpoint.CheckpointStats;
import io.weir.runtime.checkpoint.CheckpointSummary;
import io.weir.runtime.local.JobResult;
import io.weir.runtime.plan.VertexKind;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints one compact line per progress interval and a summary table when the job ends:
 *
 * <pre>
 * [wordcount 0:05] Lines out 1.20M 240k/s | Tokenize in 1.20M out 8.10M 1.62M/s | Count in 8.10M 1.62M/s | Print in 8.10M 1.62M/s
 * </pre>
 * Sources show what they emitted, other vertices what they received (and operators what they
 * emitted); the rate is records per second since the previous line, of the output for sources and
 * of the input otherwise. A job that checkpoints gets a last part
 * {@code chk 12 (1 failed) last 48 ms 20.5k}: completed checkpoints, failures, and the duration and
 * state size of the latest.
 */
public final class ProgressPrinter implements ProgressListener {
  private final PrintStream out;

  public ProgressPrinter(PrintStream out) {
    this.out = out;
  }

  @Override
  public void onProgress(ProgressSnapshot snapshot) {
    out.println(line(snapshot));
    out.flush();
  }

  @Override
  public void onJobFinished(JobResult result) {
    out.print(summary(result));
    out.flush();
  }

  /** One line describing a snapshot. */
  public static String line(ProgressSnapshot snapshot) {
    List<String> parts = new ArrayList<>();
    for (VertexProgress v : snapshot.vertices()) {
      StringBuilder sb = new StringBuilder(v.name());
      if (v.parallelism() > 1) {
        sb.append('[').append(v.parallelism()).append(']');
      }
      if (v.kind() == VertexKind.SOURCE) {
        sb.append(" out ").append(NumberFormat.compact(v.recordsOut())).append(' ').append(NumberFormat.compact(v.outPerSecond())).append("/s");
      } else {
        sb.append(" in ").append(NumberFormat.compact(v.recordsIn()));
        if (v.kind() == VertexKind.OPERATOR) {
          sb.append(" out ").append(NumberFormat.compact(v.recordsOut()));
        }
        sb.append(' ').append(NumberFormat.compact(v.inPerSecond())).append("/s");
      }
      parts.add(sb.toString());
    }
    String checkpoints = checkpoints(snapshot.checkpoints());
    if (!checkpoints.isEmpty()) {
      parts.add(checkpoints);
    }
    return "[" + snapshot.jobName() + " " + NumberFormat.clock(snapshot.elapsed()) + "] " + String.join(" | ", parts);
  }

  /** e.g. "chk 12 (1 failed) last 48 ms 20.5k"; empty for a job without checkpoints. */
  static String checkpoints(CheckpointStats stats) {
    if (stats.completed() == 0 && stats.failed() == 0 && stats.inProgress() == 0) {
      return "";
    }
    StringBuilder sb = new StringBuilder("chk ").append(stats.completed());
    if (stats.failed() > 0) {
      sb.append(" (").append(stats.failed()).append(" failed)");
    }
    stats.lastCompleted().ifPresent(last -> sb.append(" last ").append(last.durationMillis()).append(" ms ")
        .append(NumberFormat.compact(last.stateBytes())).append('B'));
    return sb.toString();
  }

  /** The end-of-job table: status, duration, and per vertex its counts and average input rate. */
  public static String summary(JobResult result) {
    StringBuilder sb = new StringBuilder();
    sb.append("Job '").append(result.jobName()).append("' ").append(result.status())
        .append(" in ").append(NumberFormat.seconds(result.duration())).append('\n');
    int width = "Operator".length();
    for (VertexMetrics v : result.vertices()) {
      width = Math.max(width, v.name().length());
    }
    String row = "  %-" + width + "s  %11s  %15s  %15s  %12s%n";
    sb.append(String.format(Locale.ROOT, row, "Operator", "Parallelism", "Records in", "Records out", "Records/s"));
    double seconds = Math.max(1e-9, result.duration().toNanos() / 1e9);
    for (VertexMetrics v : result.vertices()) {
      long through = v.kind() == VertexKind.SOURCE ? v.recordsOut() : v.recordsIn();
      sb.append(String.format(Locale.ROOT, row, v.name(), v.parallelism(),
          v.kind() == VertexKind.SOURCE ? "-" : NumberFormat.grouped(v.recordsIn()),
          v.kind() == VertexKind.SINK ? "-" : NumberFormat.grouped(v.recordsOut()),
          NumberFormat.compact(through / seconds)));
    }
    CheckpointStats checkpoints = result.checkpoints();
    if (checkpoints.completed() > 0 || checkpoints.failed() > 0) {
      sb.append("Checkpoints: ").append(checkpoints.completed()).append(" completed, ").append(checkpoints.failed())
          .append(" failed\n");
      checkpoints.lastCompleted().ifPresent(last -> sb.append("  last: ").append(last.describe()).append('\n'));
      checkpoints.lastFailed().map(CheckpointSummary::describe).ifPresent(f -> sb.append("  last failure: ")
          .append(f).append('\n'));
    }
    return sb.toString();
  }
}
