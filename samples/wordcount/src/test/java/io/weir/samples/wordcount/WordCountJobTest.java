package io.weir.samples.wordcount;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.runtime.local.JobResult;
import io.weir.runtime.local.LocalCluster;
import io.weir.runtime.local.RunOptions;
import io.weir.runtime.plan.JobCatalog;
import io.weir.runtime.plan.JobPlan;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Runs the whole generated job on the embedded runtime and checks every count exactly. */
@Timeout(120)
class WordCountJobTest {

  private static JobPlan plan() {
    return JobCatalog.load(WordCountJobTest.class.getClassLoader()).job("wordcount");
  }

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2, 4})
  void bundledTextCountsMatchPlainJava(int parallelism, @TempDir Path dir) throws Exception {
    Path output = dir.resolve("counts.txt");
    JobResult result =
        new LocalCluster()
            .run(plan(), RunOptions.builder().parallelism(parallelism).parameters("--output", output.toString()).build())
            .orThrow();

    Map<String, Long> expected = WordCountOracle.countBundledText();
    assertEquals(WordCountOracle.render(expected), Files.readString(output, StandardCharsets.UTF_8));

    long words = expected.values().stream().mapToLong(Long::longValue).sum();
    assertEquals(words, result.vertex("Count").recordsIn(), "every word reaches Count once");
    assertEquals(words, result.vertex("WriteCounts").recordsIn(), "one update per word reaches the sink");
    assertEquals(parallelism, result.vertex("Count").parallelism());
    assertEquals(1, result.vertex("WriteCounts").parallelism(), "the sink declares parallelism 1");
  }

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2, 4})
  void inputFileFromArguments(int parallelism, @TempDir Path dir) throws Exception {
    String text = "To be, or not to be: that is the question.\nÜber 2 Brücken; über 2 Flüsse!\n\nBE be Be";
    Path input = Files.writeString(dir.resolve("in.txt"), text, StandardCharsets.UTF_8);
    Path output = dir.resolve("out.txt");
    new LocalCluster()
        .run(plan(), RunOptions.builder()
            .parallelism(parallelism)
            .parameters("--input", input.toString(), "--output", output.toString())
            .build())
        .orThrow();

    String actual = Files.readString(output, StandardCharsets.UTF_8);
    assertEquals(WordCountOracle.render(WordCountOracle.count(text)), actual);
    assertTrue(actual.contains("be 5\n"), actual);
    assertTrue(actual.contains("über 2\n"), actual);
  }
}
