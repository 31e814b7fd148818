package io.weir.samples.wordcount;

import io.weir.api.OperatorContext;
import io.weir.api.Sink;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Keeps the latest count of every word and, when the input ends, writes one {@code word count}
 * line per word, sorted by word, to {@code --output FILE} (default {@code target/wordcount.txt})
 * and prints the ten most frequent words. One instance, so the file is a single sorted whole.
 */
@Sink(from = Count.class, parallelism = 1)
public final class WriteCounts {
  static final String DEFAULT_OUTPUT = "target/wordcount.txt";

  private final Map<String, Long> counts = new TreeMap<>();
  private Path output;

  public void open(OperatorContext context) {
    output = Path.of(context.parameters().get("output", DEFAULT_OUTPUT));
  }

  public void write(WordCount update) {
    counts.merge(update.word(), update.count(), Math::max);
  }

  public void close() throws IOException {
    Path parent = output.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (Writer w = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
      for (Map.Entry<String, Long> e : counts.entrySet()) {
        w.write(e.getKey() + " " + e.getValue() + "\n");
      }
    }
    System.out.println("Wrote " + counts.size() + " distinct words to " + output);
    System.out.println("Most frequent:");
    for (Map.Entry<String, Long> e : topTen()) {
      System.out.printf("  %-12s %d%n", e.getKey(), e.getValue());
    }
  }

  private List<Map.Entry<String, Long>> topTen() {
    List<Map.Entry<String, Long>> all = new ArrayList<>(counts.entrySet());
    all.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()));
    return all.subList(0, Math.min(10, all.size()));
  }
}
