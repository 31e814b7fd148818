package io.weir.runtime.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Reads what the cluster word count's sinks wrote and compares it with the plain-Java oracle. */
public final class WordCountResults {
  private WordCountResults() {}

  /** Every word of every part file; fails if a word appears in two (keys must go to one subtask). */
  public static Map<String, Long> read(Path output) throws IOException {
    Map<String, Long> counts = new HashMap<>();
    List<Path> parts;
    try (Stream<Path> files = Files.list(output)) {
      parts = files.filter(f -> f.getFileName().toString().matches("part-\\d+")).sorted().toList();
    }
    for (Path part : parts) {
      for (String line : Files.readAllLines(part)) {
        String[] fields = line.split("\t");
        assertNull(counts.put(fields[0], Long.parseLong(fields[1])), "word " + fields[0] + " in two part files");
      }
    }
    return counts;
  }

  public static void assertExact(Map<String, Long> expected, Path output, int parts) throws IOException {
    try (Stream<Path> files = Files.list(output)) {
      assertEquals(parts, files.filter(f -> f.getFileName().toString().matches("part-\\d+")).count(), "part files");
    }
    Map<String, Long> actual = read(output);
    assertEquals(expected.size(), actual.size(), "distinct words");
    assertEquals(expected, actual);
  }
}
