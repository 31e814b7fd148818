package io.weir.benchmarks.cluster;

import io.weir.benchmarks.wordcount.ZipfLines;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Combines the {@link SubtaskReport} lines of one {@code w1-cluster} run, gathered from the
 * output of every process that ran a subtask, into one line in the anchor's RESULT format:
 *
 * <pre>
 *   java ... io.weir.benchmarks.cluster.RunSummary CASE RUN P FILE... [-- key=value ...]
 * </pre>
 *
 * The interval is the anchor's: the earliest first record of any source subtask to the latest end
 * of input of any sink subtask. The check passes only if there is exactly one line per source and
 * sink subtask, every sink's own check passed, and the sinks' updates, emitted sums and words add
 * up to the oracle's totals (so no word was counted by two sinks or by none).
 */
public final class RunSummary {
  private RunSummary() {}

  /** What one run's lines add up to. */
  record Combined(int parallelism, long records, double intervalSeconds, double epochIntervalSeconds,
      long sinkRecords, boolean ok, String why) {
    String resultLine(String caseName, String extra) {
      return String.format(Locale.ROOT,
          "RESULT case=%s backend=heap p=%d records=%d interval_s=%.3f rec_per_s=%.0f interval_epoch_s=%.3f"
              + " sink_records=%d checkpoints=- check=%s%s%s",
          caseName, parallelism, records, intervalSeconds, records / intervalSeconds, epochIntervalSeconds, sinkRecords,
          ok ? "OK" : "FAIL", ok ? "" : " why=" + why.replace(' ', '_'), extra.isEmpty() ? "" : " " + extra);
    }
  }

  public static void main(String[] args) throws IOException {
    if (args.length < 4) {
      System.err.println("usage: RunSummary CASE RUN P FILE... [-- key=value ...]  (the pairs are appended)");
      System.exit(2);
    }
    List<String> lines = new ArrayList<>();
    StringBuilder extra = new StringBuilder();
    boolean pairs = false;
    for (int i = 3; i < args.length; i++) {
      if (pairs) {
        extra.append(extra.length() == 0 ? "" : " ").append(args[i]);
      } else if (args[i].equals("--")) {
        pairs = true;
      } else {
        // ISO-8859-1 reads any bytes; the report lines are ASCII, whatever else the logs hold
        lines.addAll(Files.readAllLines(Path.of(args[i]), StandardCharsets.ISO_8859_1));
      }
    }
    Combined combined = combine(lines, args[1], Integer.parseInt(args[2]));
    System.out.println(combined.resultLine(args[0], extra.toString()));
  }

  /** Combines the report lines of run {@code run} among {@code output}; other lines are ignored. */
  static Combined combine(List<String> output, String run, int parallelism) {
    Map<Integer, Map<String, String>> sources = new TreeMap<>();
    Map<Integer, Map<String, String>> sinks = new TreeMap<>();
    List<String> problems = new ArrayList<>();
    for (String line : output) {
      Map<String, String> fields = SubtaskReport.parse(line);
      if (fields.isEmpty() || !run.equals(fields.get("run"))) {
        continue;
      }
      Map<Integer, Map<String, String>> role = "source".equals(fields.get("role")) ? sources : sinks;
      if (role.put(Integer.parseInt(fields.get("subtask")), fields) != null) {
        problems.add("two lines of " + fields.get("role") + " subtask " + fields.get("subtask"));
      }
      if (Integer.parseInt(fields.get("of")) != parallelism) {
        problems.add(fields.get("role") + " subtask " + fields.get("subtask") + " ran at p=" + fields.get("of"));
      }
    }
    if (sources.size() != parallelism || sinks.size() != parallelism) {
      problems.add(sources.size() + " source and " + sinks.size() + " sink lines for p=" + parallelism);
    }
    long first = Long.MAX_VALUE;
    long firstEpoch = Long.MAX_VALUE;
    long lines = 0;
    for (Map<String, String> source : sources.values()) {
      first = Math.min(first, Long.parseLong(source.get("first_nanos")));
      firstEpoch = Math.min(firstEpoch, Long.parseLong(source.get("first_epoch_us")));
      lines += Long.parseLong(source.get("lines"));
    }
    long last = Long.MIN_VALUE;
    long lastEpoch = Long.MIN_VALUE;
    long updates = 0;
    long emittedSum = 0;
    long words = 0;
    long totalUpdates = -1;
    long totalSum = -1;
    long totalWords = -1;
    for (Map.Entry<Integer, Map<String, String>> entry : sinks.entrySet()) {
      Map<String, String> sink = entry.getValue();
      last = Math.max(last, Long.parseLong(sink.get("end_nanos")));
      lastEpoch = Math.max(lastEpoch, Long.parseLong(sink.get("end_epoch_us")));
      updates += Long.parseLong(sink.get("updates"));
      emittedSum += Long.parseLong(sink.get("emitted_sum"));
      words += Long.parseLong(sink.get("words"));
      if (!"OK".equals(sink.get("check"))) {
        problems.add("sink subtask " + entry.getKey() + " failed its check");
      }
      long u = Long.parseLong(sink.get("total_updates"));
      long s = Long.parseLong(sink.get("total_sum"));
      long w = Long.parseLong(sink.get("total_words"));
      if (totalUpdates >= 0 && (u != totalUpdates || s != totalSum || w != totalWords)) {
        problems.add("sinks disagree on the oracle's totals");
      }
      totalUpdates = u;
      totalSum = s;
      totalWords = w;
    }
    if (updates != totalUpdates || emittedSum != totalSum || words != totalWords) {
      problems.add("sinks saw " + updates + " updates, sum " + emittedSum + ", " + words + " words; expected "
          + totalUpdates + ", " + totalSum + ", " + totalWords);
    }
    if (lines * ZipfLines.WORDS_PER_LINE != totalUpdates) {
      problems.add("sources generated " + lines + " lines for " + totalUpdates + " expected words");
    }
    boolean complete = first != Long.MAX_VALUE && last != Long.MIN_VALUE;
    return new Combined(parallelism, lines * ZipfLines.WORDS_PER_LINE,
        complete ? (last - first) / 1e9 : Double.NaN, complete ? (lastEpoch - firstEpoch) / 1e6 : Double.NaN,
        updates, problems.isEmpty(), String.join("; ", problems));
  }
}
