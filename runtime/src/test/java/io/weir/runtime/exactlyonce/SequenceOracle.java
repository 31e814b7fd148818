package io.weir.runtime.exactlyonce;

import io.weir.api.files.TransactionalFileSink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The single-threaded oracle for the sequences job: a correct run commits every value 1 .. perKey
 * of every key k0 .. k<keys-1> exactly once, each counted exactly (count == seq) and without a
 * complaint of the sequence checker. {@link #check} compares the committed files with that, value
 * by value, and says what was lost, duplicated, miscounted or flagged.
 */
final class SequenceOracle {
  private static final int SAMPLE = 8;

  /** How the committed output differs from the oracle's. */
  record Report(long expected, long committed, long lost, long duplicated, long miscounted, long violations,
      long malformed, List<String> samples) {

    boolean exact() {
      return lost == 0 && duplicated == 0 && miscounted == 0 && violations == 0 && malformed == 0 && committed == expected;
    }

    @Override
    public String toString() {
      return "expected " + expected + " records, committed " + committed + ": lost " + lost + ", duplicated " + duplicated
          + ", miscounted " + miscounted + ", checker violations " + violations + ", malformed " + malformed
          + (samples.isEmpty() ? "" : "; e.g. " + samples);
    }
  }

  private SequenceOracle() {}

  /**
   * Every line of the committed files under {@code output}/committed, with multiplicity, sorted.
   * In-progress files of {@link io.weir.api.files.TransactionalFileSink} there are not output.
   */
  static Map<String, Integer> committedLines(Path output) throws IOException {
    Map<String, Integer> lines = new TreeMap<>();
    Path committed = output.resolve("committed");
    if (!Files.isDirectory(committed)) {
      return lines;
    }
    List<Path> files;
    try (Stream<Path> list = Files.list(committed)) {
      files = list.filter(f -> !f.getFileName().toString().endsWith(TransactionalFileSink.IN_PROGRESS)).sorted().toList();
    }
    for (Path file : files) {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        lines.merge(line, 1, Integer::sum);
      }
    }
    return lines;
  }

  static Report check(Path output, int keys, long perKey) throws IOException {
    return compare(keys, perKey, committedLines(output));
  }

  /** Compares committed lines ({@code key<TAB>seq<TAB>count<TAB>problem} with multiplicity) with the oracle. */
  static Report compare(int keys, long perKey, Map<String, Integer> lines) {
    Map<String, Integer> seen = new HashMap<>(); // "key seq" -> times committed, whatever its count and verdict
    long committed = 0;
    long miscounted = 0;
    long violations = 0;
    long malformed = 0;
    List<String> samples = new ArrayList<>();
    for (Map.Entry<String, Integer> e : lines.entrySet()) {
      int times = e.getValue();
      committed += times;
      String[] fields = e.getKey().split("\t", -1);
      if (fields.length != 4) {
        malformed += times;
        sample(samples, "malformed [" + e.getKey() + "]");
        continue;
      }
      seen.merge(fields[0] + " " + fields[1], times, Integer::sum);
      if (!fields[3].isEmpty()) {
        violations += times;
        sample(samples, "checker: " + fields[0] + " " + fields[1] + " " + fields[3]);
      } else if (!fields[1].equals(fields[2])) {
        miscounted += times;
        sample(samples, "count " + fields[2] + " for " + fields[0] + " " + fields[1]);
      }
    }
    long lost = 0;
    long duplicated = 0;
    for (int k = 0; k < keys; k++) {
      for (long seq = 1; seq <= perKey; seq++) {
        Integer times = seen.remove("k" + k + " " + seq);
        if (times == null) {
          lost++;
          sample(samples, "lost k" + k + " " + seq);
        } else if (times > 1) {
          duplicated += times - 1;
          sample(samples, times + "x k" + k + " " + seq);
        }
      }
    }
    for (Map.Entry<String, Integer> e : seen.entrySet()) { // values the source never had
      malformed += e.getValue();
      sample(samples, "not in the input: " + e.getKey());
    }
    return new Report((long) keys * perKey, committed, lost, duplicated, miscounted, violations, malformed, samples);
  }

  private static void sample(List<String> samples, String what) {
    if (samples.size() < SAMPLE) {
      samples.add(what);
    }
  }
}
