package io.weir.runtime.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.runtime.fixtures.ResumableJob;
import io.weir.runtime.fixtures.ResumableJob.Position;
import io.weir.runtime.plan.JobPlan;
import io.weir.state.snapshot.LocalDirectorySnapshotStorage;
import io.weir.state.snapshot.SnapshotCorruptedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A resumable source under the harness: snapshot between polls, restore at the same or another parallelism. */
@Timeout(30)
class SourceHarnessOperatorStateTest {
  private static final JobPlan PLAN = ResumableJob.plan(1, new ConcurrentLinkedQueue<>(), new ConcurrentLinkedQueue<>());

  @TempDir Path directory;
  private LocalDirectorySnapshotStorage storage;

  @BeforeEach
  void storage() throws Exception {
    storage = new LocalDirectorySnapshotStorage(directory);
  }

  private static SourceHarness<Long> numbers(int subtask, int parallelism, int partitions) {
    return SourceHarness.<Long>of(PLAN, "Numbers").subtask(subtask, parallelism)
        .withParameters("--partitions", String.valueOf(partitions), "--per-partition", "5");
  }

  /** Every record of {@code partitions} partitions of 5 records, sorted. */
  private static List<Long> all(int partitions) {
    return LongStream.range(0, partitions)
        .flatMap(p -> LongStream.range(0, 5).map(o -> p * 1000 + o))
        .boxed().toList();
  }

  private static List<Long> sorted(List<Long> records) {
    return records.stream().sorted().toList();
  }

  @Test
  void readThreeSnapshotAndContinueInTwoFreshSubtasksLosingAndRepeatingNothing() throws Exception {
    List<Long> seen = new ArrayList<>();
    OperatorSnapshot saved;
    try (SourceHarness<Long> first = numbers(0, 1, 4)) {
      seen.addAll(first.poll(3));
      assertEquals(List.of(0L, 1000L, 2000L), seen);
      saved = first.snapshot(storage);
      first.poll(2); // read on after the snapshot: not part of it
    }
    SourceHarness<Long> left = numbers(0, 2, 4).restoreFrom(saved).open();
    SourceHarness<Long> right = numbers(1, 2, 4).restoreFrom(saved).open();
    // even split: the four positions [p0@1, p1@1, p2@1, p3@0] dealt out in contiguous runs of two
    assertEquals(List.of(new Position(0, 1), new Position(1, 1)), left.operatorState("positions"));
    assertEquals(List.of(new Position(2, 1), new Position(3, 0)), right.operatorState("positions"));
    List<Long> leftRecords = left.run();
    List<Long> rightRecords = right.run();
    assertTrue(leftRecords.stream().allMatch(r -> r < 2000), "left got partitions 0 and 1: " + leftRecords);
    assertTrue(rightRecords.stream().allMatch(r -> r >= 2000), "right got partitions 2 and 3: " + rightRecords);
    seen.addAll(leftRecords);
    seen.addAll(rightRecords);
    assertEquals(all(4), sorted(seen));
  }

  /** Runs {@code from} instances for two polls each, restores into {@code to} instances, runs them out. */
  private List<List<Position>> resume(int from, int to, int partitions) throws Exception {
    List<Long> seen = new ArrayList<>();
    List<OperatorSnapshot> parts = new ArrayList<>();
    for (int i = 0; i < from; i++) {
      try (SourceHarness<Long> old = numbers(i, from, partitions)) {
        seen.addAll(old.poll(2));
        parts.add(old.snapshot(storage));
      }
    }
    OperatorSnapshot saved = OperatorSnapshot.combine(parts);
    List<List<Position>> restoredPositions = new ArrayList<>();
    for (int i = 0; i < to; i++) {
      try (SourceHarness<Long> fresh = numbers(i, to, partitions).restoreFrom(saved)) {
        fresh.open();
        restoredPositions.add(fresh.operatorState("positions"));
        assertEquals(LongStream.range(0, from).boxed().toList(),
            fresh.<Long>operatorState("opened-by").subList(0, from), "union: every old instance's element");
        assertEquals((long) i, fresh.<Long>operatorState("opened-by").get(from));
        while (!fresh.ended()) {
          seen.addAll(fresh.poll(1));
        }
      }
    }
    assertEquals(all(partitions), sorted(seen), "every record exactly once");
    return restoredPositions;
  }

  @Test
  void evenSplitThreeToTwo() throws Exception {
    List<List<Position>> positions = resume(3, 2, 6);
    assertEquals(List.of(3, 3), positions.stream().map(List::size).toList());
    // old subtask 0 owned partitions 0 and 3, subtask 1 owned 1 and 4, subtask 2 owned 2 and 5, each read once from both
    assertEquals(List.of(new Position(0, 1), new Position(3, 1), new Position(1, 1)), positions.get(0));
  }

  @Test
  void evenSplitTwoToThree() throws Exception {
    List<List<Position>> positions = resume(2, 3, 5);
    assertEquals(List.of(1, 2, 2), positions.stream().map(List::size).toList());
  }

  @Test
  void unionHandsEveryElementToEveryInstance() throws Exception {
    resume(2, 4, 4); // asserts the union inside, for every new instance
  }

  @Test
  void aCorruptedSnapshotFailsTheRestoreNamingTheFile() throws Exception {
    OperatorSnapshot saved;
    try (SourceHarness<Long> first = numbers(0, 1, 4)) {
      first.poll(3);
      saved = first.snapshot(storage);
    }
    String manifest = saved.operatorStateNames().get(0);
    Path data = storage.dataPath(manifest + ".data");
    byte[] bytes = Files.readAllBytes(data);
    bytes[bytes.length - 1] ^= 0x10;
    Files.write(data, bytes);
    SourceHarness<Long> restored = numbers(0, 1, 4).restoreFrom(saved);
    SnapshotCorruptedException e = assertThrows(SnapshotCorruptedException.class, restored::open);
    assertTrue(e.getMessage().contains("data file " + manifest + ".data"), e.getMessage());
  }

  @Test
  void aSourceWithoutOperatorStateCannotBeSnapshotted() throws Exception {
    try (SourceHarness<String> lines = SourceHarness.<String>of(io.weir.runtime.fixtures.WordCountJob.Lines.class)) {
      lines.poll(1);
      assertThrows(IllegalStateException.class, () -> lines.snapshot(storage));
    }
  }
}
