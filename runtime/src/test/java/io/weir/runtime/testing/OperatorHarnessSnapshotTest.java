package io.weir.runtime.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.AggregateFunction;
import io.weir.runtime.fixtures.LambdaInvoker;
import io.weir.runtime.fixtures.Lifecycle;
import io.weir.runtime.fixtures.Sources;
import io.weir.runtime.fixtures.TestSerializers;
import io.weir.runtime.fixtures.WordCount;
import io.weir.runtime.fixtures.WordCountJob;
import io.weir.runtime.plan.JobPlan;
import io.weir.runtime.plan.Partitioning;
import io.weir.state.AggregatingState;
import io.weir.state.MapState;
import io.weir.state.backend.StateDescriptor;
import io.weir.state.rocksdb.RocksDbStateBackend;
import io.weir.state.snapshot.LocalDirectorySnapshotStorage;
import io.weir.state.snapshot.SnapshotCorruptedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Snapshot an operator under test, restore it into a fresh instance, continue, compare. */
@Timeout(30)
class OperatorHarnessSnapshotTest {
  @TempDir Path directory;

  @Test
  void restoredInstanceContinuesFromTheSnapshotNotFromLaterUpdates() throws Exception {
    LocalDirectorySnapshotStorage storage = new LocalDirectorySnapshotStorage(directory);
    OperatorSnapshot saved;
    try (OperatorHarness<WordCount> count = OperatorHarness.of(WordCountJob.Count.class)) {
      count.process("a").process("b").process("a");
      saved = count.snapshot(storage);
      count.process("a").process("c");
      assertEquals(3L, count.<Long>valueState("count", "a"));
    }
    try (OperatorHarness<WordCount> restored =
        OperatorHarness.<WordCount>of(WordCountJob.Count.class).restoreFrom(saved)) {
      assertEquals(2L, restored.<Long>valueState("count", "a"));
      assertEquals(1L, restored.<Long>valueState("count", "b"));
      assertNull(restored.valueState("count", "c"), "c came after the snapshot");
      restored.process("a").process("c");
      assertEquals(List.of(new WordCount("a", 3), new WordCount("c", 1)), restored.output());
    }
  }

  @Test
  void aCorruptedSnapshotFailsTheRestoreLoudly() throws Exception {
    LocalDirectorySnapshotStorage storage = new LocalDirectorySnapshotStorage(directory);
    OperatorSnapshot saved;
    try (OperatorHarness<WordCount> count = OperatorHarness.of(WordCountJob.Count.class)) {
      count.process("a");
      saved = count.snapshot(storage);
    }
    Path data = storage.dataPath(saved.snapshotNames().get(0) + ".data");
    byte[] bytes = Files.readAllBytes(data);
    bytes[bytes.length - 1] ^= 0x40;
    Files.write(data, bytes);
    try (OperatorHarness<WordCount> restored =
        OperatorHarness.<WordCount>of(WordCountJob.Count.class).restoreFrom(saved)) {
      SnapshotCorruptedException e = assertThrows(SnapshotCorruptedException.class, () -> restored.process("a"));
      assertTrue(e.getMessage().contains("checksum mismatch"), e.getMessage());
    }
  }

  /** Longest word length seen, as an aggregate with a Long accumulator. */
  static final class Longest implements AggregateFunction<String, Long, Long> {
    @Override
    public Long createAccumulator() {
      return 0L;
    }

    @Override
    public Long add(String value, Long longest) {
      return Math.max(longest, value.length());
    }

    @Override
    public Long getResult(Long longest) {
      return longest;
    }
  }

  /** Keyed by word: aggregating state of lengths and map state of occurrences per input index. */
  private static JobPlan statsPlan() {
    return JobPlan.builder("stats")
        .source("s", "Words", "t.Words", 1, Sources.range("s", 1, new Lifecycle()), TestSerializers.STRING)
        .operator("o", "Stats", "t.Stats", 1, LambdaInvoker.of((instance, input, record, out) -> {
          AggregatingState<String, Long> longest = instance.state.aggregatingState(
              StateDescriptor.aggregating("longest", TestSerializers.LONG, new Longest()));
          MapState<String, Long> perInput = instance.state.mapState(
              StateDescriptor.map("perInput", TestSerializers.STRING, TestSerializers.LONG));
          String word = (String) record;
          longest.add(word + "!".repeat(input));
          Long seen = perInput.get("input" + input);
          perInput.put("input" + input, seen == null ? 1 : seen + 1);
          out.emit(word);
        }), TestSerializers.STRING, List.of("java.lang.String", "java.lang.String"), new WordCountJob.WordKeys())
        .sink("k", "Sink", "t.Sink", 1, LambdaInvoker.of((i, in, r, out) -> {}), List.of("java.lang.String"), null)
        .edge("s", "o", 0, Partitioning.FORWARD)
        .edge("o", "k", 0, Partitioning.FORWARD)
        .build();
  }

  @Test
  void aggregatingAndMapStateSurviveARestore() throws Exception {
    LocalDirectorySnapshotStorage storage = new LocalDirectorySnapshotStorage(directory);
    OperatorSnapshot saved;
    try (OperatorHarness<String> stats = OperatorHarness.of(statsPlan(), "Stats")) {
      stats.process(0, "ab").process(1, "ab").process(0, "ab").process(0, "xyz");
      assertEquals(3L, stats.<Long>aggregatingState("longest", "ab"));
      assertEquals(Map.of("input0", 2L, "input1", 1L), stats.<String, Long>mapState("perInput", "ab"));
      saved = stats.snapshot(storage);
    }
    try (OperatorHarness<String> restored = OperatorHarness.<String>of(statsPlan(), "Stats").restoreFrom(saved)) {
      restored.process(1, "ab");
      assertEquals(3L, restored.<Long>aggregatingState("longest", "ab"));
      assertEquals(Map.of("input0", 2L, "input1", 2L), restored.<String, Long>mapState("perInput", "ab"));
      assertEquals(Map.of("input0", 1L), restored.<String, Long>mapState("perInput", "xyz"));
      assertEquals(3L, restored.<Long>aggregatingState("longest", "xyz"));
    }
  }

  @Test
  void aHeapSnapshotContinuesOnRocksDbAndBack() throws Exception {
    LocalDirectorySnapshotStorage storage = new LocalDirectorySnapshotStorage(directory.resolve("snapshots"));
    RocksDbStateBackend rocks = new RocksDbStateBackend(directory.resolve("rocksdb"));
    OperatorSnapshot fromHeap;
    try (OperatorHarness<String> stats = OperatorHarness.of(statsPlan(), "Stats")) {
      stats.process(0, "ab").process(1, "ab").process(0, "xyz");
      fromHeap = stats.snapshot(storage);
    }
    OperatorSnapshot fromRocks;
    try (OperatorHarness<String> onRocks =
        OperatorHarness.<String>of(statsPlan(), "Stats").withStateBackend(rocks).restoreFrom(fromHeap)) {
      onRocks.process(1, "xyz");
      assertEquals(Map.of("input0", 1L, "input1", 1L), onRocks.<String, Long>mapState("perInput", "ab"));
      assertEquals(4L, onRocks.<Long>aggregatingState("longest", "xyz"));
      fromRocks = onRocks.snapshot(storage);
    }
    try (OperatorHarness<String> backOnHeap = OperatorHarness.<String>of(statsPlan(), "Stats").restoreFrom(fromRocks)) {
      backOnHeap.process(0, "q"); // the lambda operator registers its states on its first record
      assertEquals(Map.of("input0", 1L, "input1", 1L), backOnHeap.<String, Long>mapState("perInput", "xyz"));
      assertEquals(3L, backOnHeap.<Long>aggregatingState("longest", "ab"));
    }
  }

  @Test
  void operatorsWithoutKeyHaveNothingToSnapshot() throws Exception {
    try (OperatorHarness<String> tokenize = OperatorHarness.of(WordCountJob.Tokenize.class)) {
      assertThrows(IllegalStateException.class,
          () -> tokenize.snapshot(new LocalDirectorySnapshotStorage(directory)));
    }
  }
}
