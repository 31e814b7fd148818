package io.weir.runtime.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.runtime.checkpoint.CheckpointOptions;
import io.weir.runtime.checkpoint.CheckpointType;
import io.weir.runtime.checkpoint.CheckpointingMode;
import io.weir.runtime.checkpoint.SubtaskCheckpointAck;
import io.weir.runtime.fixtures.KeyedCountJob;
import io.weir.runtime.wiring.BufferSettings;
import io.weir.state.rocksdb.RocksDbOptions;
import io.weir.state.rocksdb.RocksDbStateBackend;
import io.weir.state.snapshot.LocalDirectorySnapshotStorage;
import io.weir.state.snapshot.SnapshotManifest;
import io.weir.state.snapshot.SnapshotType;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Incremental (RocksDB) checkpoints taken by running subtasks reuse only files of checkpoints the
 * subtask was notified complete of: a checkpoint after one never notified uploads everything again,
 * one after a notified checkpoint references its files, and so does the first one after resuming
 * in the same storage (the restored snapshots are its base); the job resumes to the exact counts.
 */
@Timeout(120)
class IncrementalCheckpointTest {
  static final int PARTITIONS = 4;
  static final long PER_PARTITION = 6_000;
  static final int KEYS = 64;
  static final CheckpointOptions ALIGNED =
      new CheckpointOptions(CheckpointType.CHECKPOINT, CheckpointingMode.EXACTLY_ONCE, false, 0, "");

  @TempDir Path directory;

  static String[] parameters(String... extra) {
    List<String> all = new java.util.ArrayList<>(List.of("--partitions", "" + PARTITIONS, "--per-partition",
        "" + PER_PARTITION, "--batch", "10"));
    all.addAll(List.of(extra));
    return all.toArray(String[]::new);
  }

  RocksDbStateBackend rocks(String name) {
    // every checkpoint flushes one level-0 file; with RocksDB's default trigger (4) the fourth
    // checkpoint's flush may start a compaction that rewrites the restored files before the
    // checkpoint links them, and which files are reused would depend on that race
    return new RocksDbStateBackend(directory.resolve(name),
        RocksDbOptions.defaults().withSnapshotType(SnapshotType.INCREMENTAL).withLevel0CompactionTrigger(100));
  }

  @Test
  void incrementalCheckpointsReuseOnlyFilesOfNotifiedCheckpoints() throws Exception {
    LocalDirectorySnapshotStorage storage = new LocalDirectorySnapshotStorage(directory.resolve("checkpoints"));
    ConcurrentMap<String, Long> latest = new ConcurrentHashMap<>();
    List<SubtaskCheckpointAck> third;
    try (CheckpointedJob job = new CheckpointedJob(KeyedCountJob.plan(2, KEYS, latest, false),
        parameters("--pause-micros", "200", "--stall-at", "" + PER_PARTITION / 2), storage,
        new BufferSettings(256, 4, 2), (task, subtask) -> null, rocks("first"))) {
      job.start();
      while (latest.size() < KEYS / 2) {
        Thread.sleep(1);
      }
      job.trigger(1, ALIGNED, 5);
      job.awaitAcks(1); // never notified: its files must not be reused
      job.trigger(2, ALIGNED, 5);
      List<SubtaskCheckpointAck> second = job.awaitAcks(2);
      for (SubtaskCheckpointAck ack : keyed(second)) {
        assertEquals(ack.metrics().stateBytes(), ack.metrics().writtenBytes(), "nothing to reuse yet: " + ack);
        assertTrue(referencedFiles(storage, ack).stream().noneMatch(f -> f.startsWith("chk-1-")), ack.toString());
      }
      job.notifyComplete(2);
      Thread.sleep(20); // let the notification reach the task threads before the next barrier does
      job.trigger(3, ALIGNED, 5);
      third = job.awaitAcks(3);
      assertTrue(job.declines.isEmpty(), job.declines.toString());
    }
    boolean reused = false;
    for (SubtaskCheckpointAck ack : keyed(third)) {
      List<String> files = referencedFiles(storage, ack);
      assertTrue(files.stream().noneMatch(f -> f.startsWith("chk-1-")), ack.toString());
      if (files.stream().anyMatch(f -> f.startsWith("chk-2-"))) {
        reused = true;
        assertTrue(ack.metrics().writtenBytes() < ack.metrics().stateBytes(), ack.toString());
      }
    }
    assertTrue(reused, "checkpoint 3 reuses files of the notified checkpoint 2: " + third);

    // resumed in the same storage: the restored snapshots are the first base, so checkpoint 4 reuses their files
    List<SubtaskCheckpointAck> fourth;
    ConcurrentMap<String, Long> ignored = new ConcurrentHashMap<>();
    try (CheckpointedJob job = new CheckpointedJob(KeyedCountJob.plan(2, KEYS, ignored, false),
        parameters("--pause-micros", "200", "--stall-at", "" + PER_PARTITION * 3 / 4), storage,
        new BufferSettings(256, 4, 2), (task, subtask) -> CheckpointedJob.restoreFrom(3, third, storage, task, subtask),
        rocks("second"))) {
      job.start();
      while (ignored.size() < KEYS / 2) {
        Thread.sleep(1);
      }
      job.trigger(4, ALIGNED, 5);
      fourth = job.awaitAcks(4);
    }
    for (SubtaskCheckpointAck ack : keyed(fourth)) {
      Set<String> restoredFiles = new HashSet<>(referencedFiles(storage, third.stream()
          .filter(a -> a.task() == ack.task() && a.subtask() == ack.subtask()).findFirst().orElseThrow()));
      assertTrue(referencedFiles(storage, ack).stream().anyMatch(restoredFiles::contains), ack.toString());
      assertTrue(ack.metrics().writtenBytes() < ack.metrics().stateBytes(), ack.toString());
    }

    ConcurrentMap<String, Long> resumed = new ConcurrentHashMap<>();
    try (CheckpointedJob job = new CheckpointedJob(KeyedCountJob.plan(2, KEYS, resumed, false), parameters(), storage,
        new BufferSettings(256, 4, 2), (task, subtask) -> CheckpointedJob.restoreFrom(4, fourth, storage, task, subtask),
        rocks("third"))) {
      job.start();
      job.join();
      assertTrue(job.failures.isEmpty(), job.failures.toString());
    }
    Map<String, Long> expected = KeyedCountJob.expected(PARTITIONS, PER_PARTITION, KEYS);
    for (Map.Entry<String, Long> e : expected.entrySet()) {
      assertEquals(e.getValue(), resumed.get(e.getKey()), "count of " + e.getKey());
    }
  }

  private static List<SubtaskCheckpointAck> keyed(List<SubtaskCheckpointAck> acks) {
    List<SubtaskCheckpointAck> keyed = acks.stream().filter(a -> !a.keyedManifests().isEmpty()).toList();
    assertEquals(2, keyed.size(), acks.toString());
    return keyed;
  }

  private static List<String> referencedFiles(LocalDirectorySnapshotStorage storage, SubtaskCheckpointAck ack)
      throws Exception {
    String name = ack.keyedManifests().get("count");
    SnapshotManifest manifest = SnapshotManifest.decode(name, storage.readManifest(name));
    assertEquals(SnapshotManifest.Format.NATIVE_ROCKSDB, manifest.format());
    return manifest.dataFiles();
  }
}
