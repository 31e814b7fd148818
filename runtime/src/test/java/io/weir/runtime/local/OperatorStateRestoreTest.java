package io.weir.runtime.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.runtime.fixtures.Received;
import io.weir.runtime.fixtures.ResumableJob;
import io.weir.runtime.plan.JobPlan;
import io.weir.runtime.task.OperatorException;
import io.weir.runtime.task.OperatorStateRestore;
import io.weir.runtime.testing.OperatorSnapshot;
import io.weir.runtime.testing.SourceHarness;
import io.weir.state.snapshot.LocalDirectorySnapshotStorage;
import io.weir.state.snapshot.SnapshotCorruptedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The local runtime starts a job's sources from operator state, at another parallelism, or fails naming the damage. */
@Timeout(60)
class OperatorStateRestoreTest {
  private static final String[] PARAMETERS = {"--partitions", "6", "--per-partition", "50"};

  @TempDir Path directory;

  /** Source "Numbers" read for 10 records at parallelism 1, snapshotted. */
  private OperatorSnapshot readTen(LocalDirectorySnapshotStorage storage, List<Long> seen) throws Exception {
    JobPlan plan = ResumableJob.plan(1, new ConcurrentLinkedQueue<>(), new ConcurrentLinkedQueue<>());
    try (SourceHarness<Long> numbers = SourceHarness.<Long>of(plan, "Numbers").withParameters(PARAMETERS)) {
      seen.addAll(numbers.poll(10));
      return numbers.snapshot(storage);
    }
  }

  @Test
  void threeInstancesContinueWhatOneStarted() throws Exception {
    LocalDirectorySnapshotStorage storage = new LocalDirectorySnapshotStorage(directory);
    List<Long> seen = new ArrayList<>();
    OperatorSnapshot saved = readTen(storage, seen);
    Queue<Received> received = new ConcurrentLinkedQueue<>();
    JobResult result = new LocalCluster().run(ResumableJob.plan(3, received, new ConcurrentLinkedQueue<>()),
        RunOptions.builder().parameters(PARAMETERS)
            .restoreOperatorState(new OperatorStateRestore(storage, Map.of("numbers", saved.operatorStateNames())))
            .build()).orThrow();
    received.forEach(r -> seen.add((Long) r.record()));
    assertEquals(LongStream.range(0, 6).flatMap(p -> LongStream.range(0, 50).map(o -> p * 1000 + o)).boxed().toList(),
        seen.stream().sorted().toList());
    assertEquals(290, result.vertex("Numbers").recordsOut());
  }

  @Test
  void aCorruptedSnapshotFailsTheJobNamingSourceAndFile() throws Exception {
    LocalDirectorySnapshotStorage storage = new LocalDirectorySnapshotStorage(directory);
    OperatorSnapshot saved = readTen(storage, new ArrayList<>());
    String manifest = saved.operatorStateNames().get(0);
    Path data = storage.dataPath(manifest + ".data");
    byte[] bytes = Files.readAllBytes(data);
    Files.write(data, java.util.Arrays.copyOf(bytes, bytes.length - 3)); // truncated
    JobResult result = new LocalCluster().run(ResumableJob.plan(2, new ConcurrentLinkedQueue<>(), new ConcurrentLinkedQueue<>()),
        RunOptions.builder().parameters(PARAMETERS)
            .restoreOperatorState(new OperatorStateRestore(storage, Map.of("numbers", saved.operatorStateNames())))
            .build());
    assertEquals(JobStatus.FAILED, result.status());
    OperatorException failure = assertInstanceOf(OperatorException.class, result.failure());
    assertTrue(failure.getMessage().contains("Numbers") && failure.getMessage().contains("could not restore its operator state"),
        failure.getMessage());
    SnapshotCorruptedException cause = assertInstanceOf(SnapshotCorruptedException.class, failure.getCause());
    assertTrue(cause.getMessage().contains("data file " + manifest + ".data"), cause.getMessage());
  }
}
