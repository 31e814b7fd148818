package io.weir.samples.wordcount;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weir.runtime.testing.SourceHarness;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinesTest {

  @Test
  void parallelInstancesSplitTheLinesWithoutOverlap(@TempDir Path dir) throws Exception {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      lines.add("line " + i);
    }
    Path input = Files.write(dir.resolve("in.txt"), lines, StandardCharsets.UTF_8);

    List<String> all = new ArrayList<>();
    for (int subtask = 0; subtask < 3; subtask++) {
      List<String> mine =
          SourceHarness.<String>of(Lines.class)
              .withParameters("--input", input.toString())
              .subtask(subtask, 3)
              .run();
      assertEquals(subtask == 0 ? 334 : 333, mine.size());
      all.addAll(mine);
    }
    all.sort(null);
    List<String> expected = new ArrayList<>(lines);
    expected.sort(null);
    assertEquals(expected, all);
  }
}
