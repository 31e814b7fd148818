package io.weir.runtime.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.files.TransactionalFileSink;
import io.weir.runtime.checkpoint.CheckpointOptions;
import io.weir.runtime.checkpoint.CheckpointType;
import io.weir.runtime.checkpoint.CheckpointingMode;
import io.weir.runtime.checkpoint.SubtaskCheckpointAck;
import io.weir.runtime.fixtures.FileSinkJob;
import io.weir.runtime.fixtures.KeyedCountJob;
import io.weir.runtime.fixtures.LambdaInvoker;
import io.weir.runtime.fixtures.TestSerializers;
import io.weir.runtime.plan.JobPlan;
import io.weir.runtime.plan.Partitioning;
import io.weir.runtime.wiring.BufferSettings;
import io.weir.state.snapshot.LocalDirectorySnapshotStorage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A transactional file sink inside running subtasks: it pre-commits at each barrier, commits when
 * the checkpoint is notified complete, and a job resumed from a checkpoint whose completion was
 * never notified commits that checkpoint's files on recovery; at the end of input the last file is
 * committed, so the committed output holds every record exactly once.
 */
@Timeout(120)
class TransactionalSinkCheckpointTest {
  static final int PARTITIONS = 4;
  static final long PER_PARTITION = 2_000;
  static final CheckpointOptions ALIGNED =
      new CheckpointOptions(CheckpointType.CHECKPOINT, CheckpointingMode.EXACTLY_ONCE, false, 0, "");

  @TempDir Path directory;

  /** positions -> "v<value>" -> UpperFiles, all at parallelism 2 and chained but for the source. */
  static JobPlan plan() {
    return JobPlan.builder("files").defaultParallelism(2)
        .source("positions", "Partitions", KeyedCountJob.Partitions.class.getName(), 0,
            KeyedCountJob.Partitions::new, TestSerializers.LONG)
        .operator("format", "Format", "t.Format", 0, LambdaInvoker.of((i, input, record, out) -> out.emit("v" + record)),
            TestSerializers.STRING, List.of("java.lang.Long"), null)
        .sink("files", "UpperFiles", FileSinkJob.UpperFiles.class.getName(), 0, FileSinkJob.UpperFiles_WeirInvoker::new,
            List.of("java.lang.String"), null)
        .edge("positions", "format", 0, Partitioning.REBALANCE)
        .edge("format", "files", 0, Partitioning.FORWARD)
        .build();
  }

  String[] parameters(String... extra) {
    List<String> all = new ArrayList<>(List.of("--partitions", "" + PARTITIONS, "--per-partition", "" + PER_PARTITION,
        "--batch", "10", "--output", directory.resolve("out").toString()));
    all.addAll(List.of(extra));
    return all.toArray(String[]::new);
  }

  @Test
  void committedOutputHoldsEveryRecordOnceAcrossACheckpointNeverNotified() throws Exception {
    LocalDirectorySnapshotStorage storage = new LocalDirectorySnapshotStorage(directory.resolve("checkpoints"));
    BufferSettings buffers = new BufferSettings(256, 4, 2);
    List<SubtaskCheckpointAck> acks;
    try (CheckpointedJob job = new CheckpointedJob(plan(), parameters("--pause-micros", "200", "--stall-at",
        "" + PER_PARTITION / 2), storage, buffers, (task, subtask) -> null)) {
      job.start();
      Thread.sleep(50);
      job.trigger(1, ALIGNED, 10);
      job.awaitAcks(1);
      assertTrue(committedLines().isEmpty(), "nothing is committed before the checkpoint completes");
      job.notifyComplete(1);
      List<String> afterFirst = awaitCommitted();
      assertEquals(afterFirst.size(), afterFirst.stream().distinct().count(), "no line twice");
      job.trigger(2, ALIGNED, 10);
      acks = job.awaitAcks(2); // completion never notified: the job "fails" before
      assertEquals(afterFirst, committedLines(), "checkpoint 2's files stay pre-committed");
    }
    try (CheckpointedJob job = new CheckpointedJob(plan(), parameters(), storage, buffers,
        (task, subtask) -> CheckpointedJob.restoreFrom(2, acks, storage, task, subtask))) {
      job.start();
      job.join();
      assertTrue(job.failures.isEmpty(), job.failures.toString());
    }
    List<String> expected = new ArrayList<>();
    for (int p = 0; p < PARTITIONS; p++) {
      for (long o = 0; o < PER_PARTITION; o++) {
        expected.add("V" + KeyedCountJob.value(p, o));
      }
    }
    List<String> committed = committedLines();
    assertEquals(expected.stream().sorted().toList(), committed.stream().sorted().toList());
  }

  /** A transactional sink whose pre-commit fails: it aborts its open transaction when the task fails. */
  static final class FailingPreCommit implements io.weir.runtime.operator.OperatorInvoker<Void>,
      io.weir.runtime.operator.TransactionalSinkBinding, io.weir.api.TwoPhaseCommitSink {
    static final java.util.concurrent.atomic.AtomicInteger ABORTS = new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public void open(io.weir.api.OperatorContext context, io.weir.state.backend.KeyedStateBackend state) {}

    @Override
    public void process(int input, Object record, io.weir.api.Emitter<Void> out) {}

    @Override
    public void close() {}

    @Override
    public io.weir.api.TwoPhaseCommitSink transactionalSink() {
      return this;
    }

    @Override
    public String preCommit(long checkpointId) throws IOException {
      throw new IOException("cannot force the file to disk (test)");
    }

    @Override
    public void commit(String handle) {}

    @Override
    public void abortOpen() {
      ABORTS.incrementAndGet();
    }
  }

  @Test
  void aFailingPreCommitDeclinesTheCheckpointAndFailsTheTask() throws Exception {
    JobPlan plan = JobPlan.builder("failing").defaultParallelism(1)
        .source("positions", "Partitions", KeyedCountJob.Partitions.class.getName(), 0,
            KeyedCountJob.Partitions::new, TestSerializers.LONG)
        .sink("failing", "Failing", FailingPreCommit.class.getName(), 0, FailingPreCommit::new,
            List.of("java.lang.Long"), null)
        .edge("positions", "failing", 0, Partitioning.FORWARD)
        .build();
    LocalDirectorySnapshotStorage storage = new LocalDirectorySnapshotStorage(directory.resolve("checkpoints"));
    FailingPreCommit.ABORTS.set(0);
    try (CheckpointedJob job = new CheckpointedJob(plan, parameters("--pause-micros", "200", "--stall-at", "100"),
        storage, new BufferSettings(256, 4, 2), (task, subtask) -> null)) {
      job.start();
      job.trigger(1, ALIGNED, 0);
      job.join();
      assertEquals(1, job.declines.size(), job.declines.toString());
      assertTrue(job.declines.get(0).contains("cannot force the file to disk (test)"), job.declines.toString());
      Throwable failure = job.failures.values().iterator().next();
      assertTrue(failure.getMessage().contains("pre-commit for checkpoint 1 failed"), failure.toString());
      assertEquals(1, FailingPreCommit.ABORTS.get());
    }
  }

  private List<String> awaitCommitted() throws Exception {
    while (true) {
      List<String> lines = committedLines();
      if (!lines.isEmpty()) {
        return lines;
      }
      Thread.sleep(5);
    }
  }

  /** The lines of every committed file (no in-progress ones). */
  private List<String> committedLines() throws IOException {
    Path out = directory.resolve("out");
    if (!Files.isDirectory(out)) {
      return List.of();
    }
    List<String> lines = new ArrayList<>();
    try (Stream<Path> files = Files.list(out)) {
      for (Path file : files.sorted().toList()) {
        if (!file.getFileName().toString().endsWith(TransactionalFileSink.IN_PROGRESS)) {
          lines.addAll(Files.readAllLines(file));
        }
      }
    }
    return lines;
  }
}
