package io.weir.runtime.exactlyonce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.runtime.exactlyonce.job.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The oracle of the exactly-once tests must see every kind of wrong output, or those tests prove nothing. */
class ExactlyOnceOracleTest {
  @TempDir Path dir;

  private void commit(String file, List<Verdict> verdicts) throws IOException {
    Path committed = Files.createDirectories(dir.resolve("committed"));
    StringBuilder text = new StringBuilder();
    verdicts.forEach(v -> text.append(v.line()).append('\n'));
    Files.writeString(committed.resolve(file), text);
  }

  private static List<Verdict> correct(int keys, long perKey) {
    List<Verdict> all = new ArrayList<>();
    for (int k = 0; k < keys; k++) {
      for (long s = 1; s <= perKey; s++) {
        all.add(new Verdict("k" + k, s, s, ""));
      }
    }
    return all;
  }

  @Test
  void correctOutputSplitOverFilesIsExact() throws IOException {
    List<Verdict> all = correct(3, 4);
    commit("part-0-a-0", all.subList(0, 5));
    commit("part-1-b-0", all.subList(5, all.size()));
    SequenceOracle.Report report = SequenceOracle.check(dir, 3, 4);
    assertTrue(report.exact(), report.toString());
    assertEquals(12, report.committed());
  }

  @Test
  void aLostRecordIsReported() throws IOException {
    List<Verdict> all = correct(3, 4);
    all.remove(7);
    commit("part-0-a-0", all);
    SequenceOracle.Report report = SequenceOracle.check(dir, 3, 4);
    assertFalse(report.exact());
    assertEquals(1, report.lost(), report.toString());
    assertEquals(0, report.duplicated(), report.toString());
  }

  @Test
  void aDuplicateInAnotherFileIsReported() throws IOException {
    List<Verdict> all = correct(3, 4);
    commit("part-0-a-0", all);
    commit("part-0-a-1", all.subList(2, 3));
    SequenceOracle.Report report = SequenceOracle.check(dir, 3, 4);
    assertFalse(report.exact());
    assertEquals(1, report.duplicated(), report.toString());
    assertEquals(0, report.lost(), report.toString());
  }

  @Test
  void aReplayCountedTwiceShowsAsDuplicateMiscountAndViolation() throws IOException {
    List<Verdict> all = correct(1, 5);
    // what at-least-once recovery commits: seq 3 again, counted as 4th, flagged by the checker,
    // then seq 4 and 5 counted one ahead
    all.add(new Verdict("k0", 3, 6, "duplicate: expected 6 got 3"));
    commit("part-0-a-0", all);
    SequenceOracle.Report report = SequenceOracle.check(dir, 1, 5);
    assertEquals(1, report.duplicated(), report.toString());
    assertEquals(1, report.violations(), report.toString());
    List<Verdict> miscounted = correct(1, 2);
    miscounted.add(new Verdict("k0", 3, 4, ""));
    Files.delete(dir.resolve("committed/part-0-a-0"));
    commit("part-0-a-0", miscounted);
    report = SequenceOracle.check(dir, 1, 3);
    assertEquals(1, report.miscounted(), report.toString());
    assertFalse(report.exact());
  }

  @Test
  void recordsNotInTheInputAndGarbageAreReported() throws IOException {
    List<Verdict> all = correct(2, 2);
    all.add(new Verdict("k9", 1, 1, ""));
    commit("part-0-a-0", all);
    Files.writeString(dir.resolve("committed/part-1-x-0"), "half a line\n");
    SequenceOracle.Report report = SequenceOracle.check(dir, 2, 2);
    assertEquals(2, report.malformed(), report.toString());
    assertFalse(report.exact());
  }

  @Test
  void inProgressFilesOfTheShippedSinkAreNotOutput() throws IOException {
    List<Verdict> all = correct(2, 2);
    commit("part-0-1x0001-0", all);
    commit("part-0-1x0001-1" + io.weir.api.files.TransactionalFileSink.IN_PROGRESS, all);
    SequenceOracle.Report report = SequenceOracle.check(dir, 2, 2);
    assertTrue(report.exact(), report.toString());
  }

  @Test
  void noCommittedDirectoryMeansEverythingLost() throws IOException {
    SequenceOracle.Report report = SequenceOracle.check(dir, 2, 3);
    assertEquals(6, report.lost());
    assertEquals(0, report.committed());
  }
}
