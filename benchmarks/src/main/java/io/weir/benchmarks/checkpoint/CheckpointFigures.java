package io.weir.benchmarks.checkpoint;

import io.weir.runtime.checkpoint.CheckpointStats;
import io.weir.runtime.checkpoint.CheckpointSummary;
import io.weir.runtime.checkpoint.CheckpointType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * The checkpoint part of a RESULT line, from a job's {@link CheckpointStats}: how many completed
 * and failed, and over the completed periodic checkpoints the statistics still hold (the last
 * ten): the median and largest total duration, the largest synchronous and asynchronous parts and
 * alignment (each the maximum over the subtasks of one checkpoint, then the maximum over the
 * checkpoints), and the median full and written (incremental) bytes.
 */
public final class CheckpointFigures {
  private CheckpointFigures() {}

  public static String of(CheckpointStats stats) {
    List<CheckpointSummary> done = new ArrayList<>();
    for (CheckpointSummary s : stats.recent()) {
      if (s.status() == CheckpointSummary.Status.COMPLETED && s.type() == CheckpointType.CHECKPOINT) {
        done.add(s);
      }
    }
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "ckpt_completed=%d ckpt_failed=%d ckpt_sampled=%d",
        stats.completed(), stats.failed(), done.size()));
    if (!done.isEmpty()) {
      sb.append(String.format(Locale.ROOT,
          " ckpt_ms_median=%d ckpt_ms_max=%d sync_ms_max=%d async_ms_max=%d align_ms_max=%d state_bytes_median=%d"
              + " written_bytes_median=%d",
          median(done, CheckpointSummary::durationMillis), max(done, CheckpointSummary::durationMillis),
          max(done, CheckpointSummary::maxSyncMillis), max(done, CheckpointSummary::maxAsyncMillis),
          max(done, CheckpointSummary::maxAlignmentMillis), median(done, CheckpointSummary::stateBytes),
          median(done, CheckpointSummary::writtenBytes)));
    }
    // one token, so the line stays key=value pairs split on spaces
    stats.lastFailed().ifPresent(f -> sb.append(" last_failure=").append(f.failureReason().replaceAll("\\s+", "_")));
    return sb.toString();
  }

  /** The median (the lower middle value of an even count) of {@code field} over {@code summaries}. */
  static long median(List<CheckpointSummary> summaries, ToLongFunction<CheckpointSummary> field) {
    long[] values = summaries.stream().mapToLong(field).toArray();
    Arrays.sort(values);
    return values[(values.length - 1) / 2];
  }

  static long max(List<CheckpointSummary> summaries, ToLongFunction<CheckpointSummary> field) {
    return summaries.stream().mapToLong(field).max().orElse(0);
  }
}
