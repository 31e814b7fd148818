package io.weir.runtime.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.runtime.checkpoint.CheckpointOptions;
import io.weir.runtime.checkpoint.CheckpointType;
import io.weir.runtime.checkpoint.CheckpointingMode;
import io.weir.runtime.checkpoint.SubtaskCheckpointAck;
import io.weir.runtime.fixtures.KeyedCountJob;
import io.weir.runtime.wiring.BufferSettings;
import io.weir.state.snapshot.LocalDirectorySnapshotStorage;
import io.weir.state.snapshot.SnapshotStorage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A subtask whose part of a checkpoint fails declines it with the reason and keeps running: at
 * once on the task thread (its source sends a cancel marker instead of the barrier, so downstream
 * stops aligning) or later on the writer; the next checkpoint completes and resumes exactly.
 */
@Timeout(120)
class CheckpointFailureTest {
  static final int PARTITIONS = 4;
  static final long PER_PARTITION = 6_000;
  static final int KEYS = 16;
  static final CheckpointOptions ALIGNED =
      new CheckpointOptions(CheckpointType.CHECKPOINT, CheckpointingMode.EXACTLY_ONCE, false, 0, "");
  static final String[] FIRST = {"--partitions", "" + PARTITIONS, "--per-partition", "" + PER_PARTITION, "--batch",
      "10", "--pause-micros", "200", "--stall-at", "" + PER_PARTITION / 2};

  @TempDir Path directory;

  @Test
  void aSourceFailingOnTheTaskThreadDeclinesAndCancelsDownstreamAlignment() throws Exception {
    LocalDirectorySnapshotStorage storage = new LocalDirectorySnapshotStorage(directory);
    ConcurrentMap<String, Long> latest = new ConcurrentHashMap<>();
    List<SubtaskCheckpointAck> acks;
    try (CheckpointedJob job = new CheckpointedJob(KeyedCountJob.plan(2, KEYS, latest), FIRST, storage,
        new BufferSettings(256, 4, 2), (task, subtask) -> null)) {
      int sourceTask = job.graph.tasks().stream().filter(t -> t.isSource()).findFirst().orElseThrow().index();
      job.storageFails = (task, subtask) -> task == sourceTask && subtask == 0;
      job.start();
      job.trigger(1, ALIGNED, 10);
      while (job.declines.isEmpty()) {
        Thread.sleep(1);
      }
      job.storageFails = (task, subtask) -> false;
      job.trigger(2, ALIGNED, 10);
      acks = job.awaitAcksDespiteDeclines(2);
      // only the failed source declined: downstream dropped checkpoint 1 on its cancel marker (without the
      // marker, checkpoint 2's barrier would have made each of them decline 1 as overtaken)
      assertEquals(List.of("1 " + sourceTask + "/0"), job.declines.stream().map(d -> d.substring(0, d.indexOf(':')))
          .toList(), job.declines.toString());
      assertTrue(job.declines.get(0).contains("checkpoint storage unavailable (test)"), job.declines.toString());
      assertTrue(job.acks.getOrDefault(1L, List.of()).stream().noneMatch(a -> a.task() != sourceTask),
          "downstream gave checkpoint 1 up: " + job.acks.get(1L));
      assertTrue(job.failures.isEmpty(), job.failures.toString());
    }
    assertResumesExactly(storage, acks);
  }

  @Test
  void aWriteFailingOnTheWriterDeclinesAndTheTaskKeepsRunning() throws Exception {
    LocalDirectorySnapshotStorage storage = new LocalDirectorySnapshotStorage(directory);
    SnapshotStorage failingFirst = new FailingWrites(storage, "chk-1-keyed-");
    ConcurrentMap<String, Long> latest = new ConcurrentHashMap<>();
    List<SubtaskCheckpointAck> acks;
    try (CheckpointedJob job = new CheckpointedJob(KeyedCountJob.plan(2, KEYS, latest), FIRST, failingFirst,
        new BufferSettings(256, 4, 2), (task, subtask) -> null)) {
      job.start();
      job.trigger(1, ALIGNED, 10);
      while (job.declines.size() < 2) { // both keyed subtasks
        Thread.sleep(1);
      }
      assertTrue(job.declines.stream().allMatch(d -> d.startsWith("1 ") && d.contains("disk full (test)")),
          job.declines.toString());
      job.trigger(2, ALIGNED, 10);
      acks = job.awaitAcksDespiteDeclines(2);
      assertTrue(job.failures.isEmpty(), job.failures.toString());
    }
    assertResumesExactly(storage, acks);
  }

  /** Storage whose data files named with {@code prefix} cannot be created. */
  private record FailingWrites(SnapshotStorage storage, String prefix) implements SnapshotStorage {
    @Override
    public OutputStream createDataFile(String name) throws IOException {
      if (name.startsWith(prefix)) {
        throw new IOException("disk full (test)");
      }
      return storage.createDataFile(name);
    }

    @Override
    public void publishManifest(String name, byte[] bytes) throws IOException {
      storage.publishManifest(name, bytes);
    }

    @Override
    public byte[] readManifest(String name) throws IOException {
      return storage.readManifest(name);
    }

    @Override
    public byte[] readData(String name, long offset, int length) throws IOException {
      return storage.readData(name, offset, length);
    }

    @Override
    public List<String> listManifests() throws IOException {
      return storage.listManifests();
    }

    @Override
    public void delete(String name) throws IOException {
      storage.delete(name);
    }
  }

  /** A second job resumed from checkpoint 2's {@code acks} counts every key as an uninterrupted run. */
  private static void assertResumesExactly(SnapshotStorage storage, List<SubtaskCheckpointAck> acks) throws Exception {
    ConcurrentMap<String, Long> latest = new ConcurrentHashMap<>();
    String[] parameters = {"--partitions", "" + PARTITIONS, "--per-partition", "" + PER_PARTITION};
    try (CheckpointedJob job = new CheckpointedJob(KeyedCountJob.plan(2, KEYS, latest), parameters, storage,
        new BufferSettings(256, 4, 2), (task, subtask) -> CheckpointedJob.restoreFrom(2, acks, storage, task, subtask))) {
      job.start();
      job.join();
      assertTrue(job.failures.isEmpty(), job.failures.toString());
    }
    for (Map.Entry<String, Long> e : KeyedCountJob.expected(PARTITIONS, PER_PARTITION, KEYS).entrySet()) {
      assertEquals(e.getValue(), latest.get(e.getKey()), "count of " + e.getKey());
    }
  }
}
