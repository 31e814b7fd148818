package io.weir.runtime.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.files.TransactionalFileSink;
import io.weir.runtime.fixtures.FileSinkJob;
import io.weir.runtime.fixtures.ResumableJob;
import io.weir.runtime.plan.JobPlan;
import io.weir.state.snapshot.LocalDirectorySnapshotStorage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A user's exactly-once file sink through checkpoints, a crash and restores, driven by the harness. */
@Timeout(30)
class OperatorHarnessTransactionTest {
  @TempDir Path directory;
  private LocalDirectorySnapshotStorage storage;
  private Path output;
  private final JobPlan plan = FileSinkJob.plan();

  @BeforeEach
  void dirs() throws IOException {
    storage = new LocalDirectorySnapshotStorage(directory.resolve("snapshots"));
    output = directory.resolve("output");
  }

  private OperatorHarness<Void> files() {
    return OperatorHarness.<Void>of(plan, "UpperFiles").withParameters("--output", output.toString());
  }

  /** The visible output: every line of every committed file, in file order. */
  private List<String> visibleLines() throws IOException {
    try (Stream<Path> files = Files.list(output)) {
      return files.filter(p -> !p.getFileName().toString().endsWith(TransactionalFileSink.IN_PROGRESS))
          .sorted()
          .flatMap(p -> {
            try {
              return Files.readAllLines(p).stream();
            } catch (IOException e) {
              throw new AssertionError(e);
            }
          })
          .toList();
    }
  }

  private long inProgressFiles() throws IOException {
    try (Stream<Path> files = Files.list(output)) {
      return files.filter(p -> p.getFileName().toString().endsWith(TransactionalFileSink.IN_PROGRESS)).count();
    }
  }

  @Test
  void recordsAreVisibleOnlyOnceTheirCheckpointCompletes() throws Exception {
    try (OperatorHarness<Void> files = files()) {
      files.process("a").process("b");
      files.snapshot(1, storage);
      files.process("c");
      assertEquals(List.of(), visibleLines(), "pre-committed, not yet complete");
      assertEquals(1, files.pendingTransactions().size());
      files.notifyCheckpointComplete(1);
      assertEquals(List.of("A", "B"), visibleLines());
      assertEquals(List.of(), files.pendingTransactions());
      files.endOfInput();
      assertEquals(List.of("A", "B", "C"), visibleLines());
    }
    assertEquals(0, inProgressFiles());
  }

  @Test
  void aRestoreCommitsTheRestoredCheckpointOnceAndDropsWhatCameAfterIt() throws Exception {
    OperatorSnapshot completed;
    try (OperatorHarness<Void> crashed = files()) {
      crashed.process("a").process("b");
      completed = crashed.snapshot(1, storage);  // completes, but the crash comes before the notification
      crashed.process("c");
      crashed.snapshot(2, storage);              // never completes
      crashed.process("d");                      // open when the job fails
    }
    assertEquals(List.of(), visibleLines());
    assertEquals(3, inProgressFiles());

    try (OperatorHarness<Void> restored = files().restoreFrom(completed)) {
      restored.open();
      assertEquals(List.of("A", "B"), visibleLines(), "checkpoint 1's records, committed on restore");
      assertEquals(0, inProgressFiles(), "c and d will never commit: their files are gone");
      restored.process("c2").snapshot(2, storage);
      restored.notifyCheckpointComplete(2);
      assertEquals(List.of("A", "B", "C2"), visibleLines());
    }
    try (OperatorHarness<Void> again = files().restoreFrom(completed)) {
      again.open(); // restoring the same checkpoint again: its transaction is committed already
      assertEquals(List.of("A", "B", "C2"), visibleLines());
    }
  }

  @Test
  void scaledDownToOneInstanceCommitsThePendingTransactionsOfBoth() throws Exception {
    OperatorSnapshot first;
    OperatorSnapshot second;
    try (OperatorHarness<Void> a = files().subtask(0, 2); OperatorHarness<Void> b = files().subtask(1, 2)) {
      a.process("a0");
      b.process("b0");
      first = a.snapshot(4, storage);
      second = b.snapshot(4, storage);
      a.process("a1"); // open at the crash
    }
    try (OperatorHarness<Void> merged = files().restoreFrom(OperatorSnapshot.combine(first, second))) {
      merged.open();
      assertEquals(List.of("A0", "B0"), visibleLines());
      assertEquals(0, inProgressFiles(), "subtask 1's leftovers fall to instance 1 % 1 == 0");
    }
  }

  @Test
  void abortOpenDiscardsOnlyTheOpenTransaction() throws Exception {
    try (OperatorHarness<Void> files = files()) {
      files.process("a").snapshot(1, storage);
      files.process("b").abortOpen();
      assertEquals(1, inProgressFiles());
      files.notifyCheckpointComplete(1);
      assertEquals(List.of("A"), visibleLines());
    }
  }

  @Test
  void checkpointsMustMoveForward() throws Exception {
    try (OperatorHarness<Void> files = files()) {
      files.process("a").snapshot(3, storage);
      assertThrows(IllegalArgumentException.class, () -> files.snapshot(3, storage));
      OperatorSnapshot next = files.snapshot(storage);
      assertEquals(4, next.checkpointId());
    }
  }

  @Test
  void aSinkThatIsNotTransactionalHasNoTransactionsToCommit() throws Exception {
    JobPlan resumable = ResumableJob.plan(1, new ConcurrentLinkedQueue<>(), new ConcurrentLinkedQueue<>());
    try (OperatorHarness<Void> batches = OperatorHarness.of(resumable, "Batches")) {
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> batches.notifyCheckpointComplete(1));
      assertTrue(e.getMessage().contains("not a transactional sink"), e.getMessage());
    }
  }
}
