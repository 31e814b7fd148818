package io.weir.samples.wordcount;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weir.runtime.testing.OperatorSnapshot;
import io.weir.runtime.testing.SourceHarness;
import io.weir.state.snapshot.LocalDirectorySnapshotStorage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinesTest {
  @TempDir Path dir;

  private Path input(int count) throws Exception {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      lines.add("line " + i);
    }
    return Files.write(dir.resolve("in.txt"), lines, StandardCharsets.UTF_8);
  }

  private static List<String> sorted(List<String> lines) {
    List<String> copy = new ArrayList<>(lines);
    copy.sort(null);
    return copy;
  }

  @Test
  void parallelInstancesSplitTheLinesWithoutOverlap() throws Exception {
    Path input = input(1000);
    List<String> all = new ArrayList<>();
    for (int subtask = 0; subtask < 3; subtask++) {
      List<String> mine =
          SourceHarness.<String>of(Lines.class)
              .withParameters("--input", input.toString())
              .subtask(subtask, 3)
              .run();
      int index = subtask;
      long expected = java.util.stream.IntStream.range(0, 1000)
          .filter(n -> n % Lines.SPLITS % 3 == index).count();
      assertEquals(expected, mine.size());
      all.addAll(mine);
    }
    assertEquals(sorted(Files.readAllLines(input)), sorted(all));
  }

  @Test
  void resumesFromASnapshotInTwoInstancesWithoutLosingOrRepeatingALine() throws Exception {
    Path input = input(2000);
    LocalDirectorySnapshotStorage storage = new LocalDirectorySnapshotStorage(dir.resolve("snapshots"));
    List<String> seen = new ArrayList<>();
    OperatorSnapshot saved;
    try (SourceHarness<String> first = SourceHarness.<String>of(Lines.class).withParameters("--input", input.toString())) {
      seen.addAll(first.poll(3)); // one poll: a batch of 512 lines
      saved = first.snapshot(storage);
    }
    assertEquals(512, seen.size());
    for (int subtask = 0; subtask < 2; subtask++) {
      seen.addAll(SourceHarness.<String>of(Lines.class)
          .withParameters("--input", input.toString())
          .subtask(subtask, 2)
          .restoreFrom(saved)
          .run());
    }
    assertEquals(sorted(Files.readAllLines(input)), sorted(seen));
  }
}
