package io.weir.runtime.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.runtime.checkpoint.CheckpointOptions;
import io.weir.runtime.checkpoint.CheckpointType;
import io.weir.runtime.checkpoint.CheckpointingMode;
import io.weir.runtime.checkpoint.SubtaskCheckpointAck;
import io.weir.runtime.fixtures.KeyedCountJob;
import io.weir.runtime.wiring.BufferSettings;
import io.weir.state.snapshot.LocalDirectorySnapshotStorage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole subtasks taking checkpoints while records flow, and a second job resuming from the last
 * one: the keyed counts (and the timers, which live in keyed state) end exactly where an
 * uninterrupted run ends, for aligned and unaligned checkpoints; a damaged channel-state file fails
 * the resuming subtask with an error naming the file.
 */
@Timeout(120)
class CheckpointRestoreTest {
  static final int PARTITIONS = 4;
  static final long PER_PARTITION = 6_000;
  static final int KEYS = 16;
  /** Small buffers, few per channel: a slow consumer soon has many buffers queued in its gate. */
  static final BufferSettings BUFFERS = new BufferSettings(256, 4, 2);

  @TempDir Path directory;
  /** In-flight bytes of both checkpoints of the last {@link #checkpointTwice}. */
  long inFlightOfBoth;

  static CheckpointOptions options(boolean unaligned) {
    return new CheckpointOptions(CheckpointType.CHECKPOINT, CheckpointingMode.EXACTLY_ONCE, unaligned, 0, "");
  }

  static String[] parameters(String... extra) {
    String[] base = {"--partitions", "" + PARTITIONS, "--per-partition", "" + PER_PARTITION, "--batch", "10"};
    String[] all = java.util.Arrays.copyOf(base, base.length + extra.length);
    System.arraycopy(extra, 0, all, base.length, extra.length);
    return all;
  }

  @Test
  void alignedCheckpointsWhileRecordsFlowResumeToTheExactCounts() throws Exception {
    LocalDirectorySnapshotStorage storage = new LocalDirectorySnapshotStorage(directory);
    List<SubtaskCheckpointAck> acks = checkpointTwice(storage, options(false), "--pause-micros", "200");
    assertEquals(0, acks.stream().mapToLong(a -> a.metrics().inFlightBytes()).sum());
    assertTrue(acks.stream().allMatch(a -> a.channelState().isEmpty()));
    assertResumesToExactCounts(storage, acks);
  }

  @Test
  void unalignedCheckpointsStoreInFlightBuffersAndResumeToTheExactCounts() throws Exception {
    LocalDirectorySnapshotStorage storage = new LocalDirectorySnapshotStorage(directory);
    List<SubtaskCheckpointAck> acks = checkpointTwice(storage, options(true), "--sink-pause-micros", "100");
    long inFlight = acks.stream().mapToLong(a -> a.metrics().inFlightBytes()).sum();
    assertTrue(inFlight > 0, "the slow sink leaves buffers in flight: " + acks);
    assertTrue(acks.stream().anyMatch(a -> !a.channelState().isEmpty()));
    assertResumesToExactCounts(storage, acks);
  }

  @Test
  void anAlignmentTimeoutSwitchesToUnalignedAndStillResumesToTheExactCounts() throws Exception {
    LocalDirectorySnapshotStorage storage = new LocalDirectorySnapshotStorage(directory);
    CheckpointOptions timeout = new CheckpointOptions(CheckpointType.CHECKPOINT, CheckpointingMode.EXACTLY_ONCE, false,
        1, "");
    // the second source's barrier comes 20 ms after the first: far beyond the 1 ms timeout; the
    // sources pause 1 ms per poll so that they still emit then (they stop halfway, to stay running)
    List<SubtaskCheckpointAck> acks = checkpointTwice(storage, timeout, "--pause-micros", "1000");
    assertTrue(inFlightOfBoth > 0, "the channels without barrier were recorded: " + acks);
    assertResumesToExactCounts(storage, acks);
  }

  @Test
  void atLeastOnceCheckpointsLoseNothing() throws Exception {
    LocalDirectorySnapshotStorage storage = new LocalDirectorySnapshotStorage(directory);
    CheckpointOptions atLeastOnce = new CheckpointOptions(CheckpointType.CHECKPOINT, CheckpointingMode.AT_LEAST_ONCE,
        false, 0, "");
    List<SubtaskCheckpointAck> acks = checkpointTwice(storage, atLeastOnce, "--pause-micros", "200");
    ConcurrentMap<String, Long> latest = resume(storage, acks);
    for (Map.Entry<String, Long> e : KeyedCountJob.expected(PARTITIONS, PER_PARTITION, KEYS).entrySet()) {
      // records after a channel's barrier may be counted before the snapshot and again after the restore
      assertTrue(latest.get(e.getKey()) >= e.getValue(), e.getKey() + ": " + latest.get(e.getKey()));
    }
  }

  @Test
  void savepointsAreFullSnapshotsAndResumeToTheExactCounts() throws Exception {
    LocalDirectorySnapshotStorage storage = new LocalDirectorySnapshotStorage(directory);
    List<SubtaskCheckpointAck> acks = checkpointTwice(storage, CheckpointOptions.savepoint(directory.toString()),
        "--pause-micros", "200");
    for (SubtaskCheckpointAck ack : acks) {
      assertEquals(ack.metrics().stateBytes(), ack.metrics().writtenBytes()); // nothing shared with earlier ones
      assertTrue(ack.keyedManifests().values().stream().allMatch(n -> n.startsWith("chk-2-keyed-count-")), ack.toString());
    }
    assertResumesToExactCounts(storage, acks);
  }

  @Test
  void aCorruptedChannelStateFileFailsTheResumingSubtaskNamingTheFile() throws Exception {
    LocalDirectorySnapshotStorage storage = new LocalDirectorySnapshotStorage(directory);
    List<SubtaskCheckpointAck> acks = checkpointTwice(storage, options(true), "--sink-pause-micros", "100");
    SubtaskCheckpointAck withState = acks.stream().filter(a -> !a.channelState().isEmpty()).findFirst().orElseThrow();
    String dataFile = ChannelStateFile.dataFileOf(withState.channelState());
    Path path = storage.dataPath(dataFile);
    byte[] bytes = Files.readAllBytes(path);
    bytes[bytes.length / 2] ^= 0x5a; // inside some buffer's bytes or header
    Files.write(path, bytes);

    try (CheckpointedJob job = new CheckpointedJob(KeyedCountJob.plan(2, KEYS, new ConcurrentHashMap<>()),
        parameters(), storage, BUFFERS, (task, subtask) -> CheckpointedJob.restoreFrom(2, acks, storage, task, subtask))) {
      job.start();
      while (job.failures.isEmpty() && !job.finished()) {
        Thread.sleep(5);
      }
      assertFalse(job.failures.isEmpty(), "the job resumed from a corrupted file without failing");
      Throwable failure = job.failures.values().iterator().next();
      assertTrue(failure.getMessage().contains(dataFile), failure.toString());
      assertTrue(failure.getMessage().contains("corrupted"), failure.toString());
    }
  }

  /**
   * Runs the job (sources stall halfway, so it cannot end on its own) until records reach the sink,
   * takes checkpoint 1, notifies it complete, takes checkpoint 2 and cancels; returns checkpoint 2's acks.
   */
  private List<SubtaskCheckpointAck> checkpointTwice(LocalDirectorySnapshotStorage storage, CheckpointOptions options,
      String... extra) throws Exception {
    ConcurrentMap<String, Long> latest = new ConcurrentHashMap<>();
    String[] first = parameters(extra);
    first = java.util.Arrays.copyOf(first, first.length + 2);
    first[first.length - 2] = "--stall-at";
    first[first.length - 1] = "" + PER_PARTITION / 2;
    try (CheckpointedJob job = new CheckpointedJob(KeyedCountJob.plan(2, KEYS, latest), first, storage, BUFFERS,
        (task, subtask) -> null)) {
      job.start();
      while (latest.size() < KEYS / 2) {
        Thread.sleep(1);
      }
      job.trigger(1, options, 20);
      List<SubtaskCheckpointAck> firstAcks = job.awaitAcks(1);
      job.notifyComplete(1);
      job.trigger(2, options, 20);
      List<SubtaskCheckpointAck> acks = job.awaitAcks(2);
      inFlightOfBoth = java.util.stream.Stream.concat(firstAcks.stream(), acks.stream())
          .mapToLong(a -> a.metrics().inFlightBytes()).sum();
      assertTrue(job.declines.isEmpty(), job.declines.toString());
      assertTrue(job.failures.isEmpty(), job.failures.toString());
      long total = latest.values().stream().mapToLong(Long::longValue).sum();
      assertTrue(total < PARTITIONS * PER_PARTITION, "checkpoint 2 was taken before the input was read");
      return acks;
    }
  }

  /** A second job resumed from {@code acks} counts every key exactly as an uninterrupted run, timers included. */
  private void assertResumesToExactCounts(LocalDirectorySnapshotStorage storage, List<SubtaskCheckpointAck> acks)
      throws Exception {
    ConcurrentMap<String, Long> latest = resume(storage, acks);
    Map<String, Long> expected = KeyedCountJob.expected(PARTITIONS, PER_PARTITION, KEYS);
    assertEquals(KEYS, expected.size());
    for (Map.Entry<String, Long> e : expected.entrySet()) {
      assertEquals(e.getValue(), latest.get(e.getKey()), "count of " + e.getKey());
      // registered once per key before the checkpoint, so only the restored timer can report it
      assertEquals(e.getValue(), latest.get("final-" + e.getKey()), "final count (timer) of " + e.getKey());
    }
    assertFalse(latest.isEmpty());
  }

  /** Runs a second job resumed from checkpoint 2's {@code acks} to its end; returns the latest count per key. */
  private ConcurrentMap<String, Long> resume(LocalDirectorySnapshotStorage storage, List<SubtaskCheckpointAck> acks)
      throws Exception {
    ConcurrentMap<String, Long> latest = new ConcurrentHashMap<>();
    try (CheckpointedJob job = new CheckpointedJob(KeyedCountJob.plan(2, KEYS, latest), parameters(), storage,
        BUFFERS, (task, subtask) -> CheckpointedJob.restoreFrom(2, acks, storage, task, subtask))) {
      job.start();
      job.join();
      assertTrue(job.failures.isEmpty(), job.failures.toString());
    }
    return latest;
  }
}
