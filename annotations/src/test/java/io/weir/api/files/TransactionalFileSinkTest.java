package io.weir.api.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.JobParameters;
import io.weir.api.OperatorContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Real files in a temporary directory: visibility, commit, recommit, recovery, abort. */
@Timeout(30)
class TransactionalFileSinkTest {
  @TempDir Path directory;

  record Context(int subtaskIndex, int parallelism, JobParameters parameters) implements OperatorContext {
    @Override
    public String jobName() {
      return "job";
    }

    @Override
    public String operatorName() {
      return "Words";
    }
  }

  /** A user's sink: numbers as lines, into {@code --output}. */
  static final class Numbers extends TransactionalFileSink<Long> {
    @Override
    protected Path directory(OperatorContext context) {
      return Path.of(context.parameters().get("output").orElseThrow());
    }

    @Override
    protected String format(Long record) {
      return "n=" + record;
    }
  }

  private Numbers open(int subtask, int parallelism) throws IOException {
    Numbers sink = new Numbers();
    sink.open(new Context(subtask, parallelism, JobParameters.of("--output", directory.resolve("out").toString())));
    return sink;
  }

  private Path out() {
    return directory.resolve("out");
  }

  /** The output: committed files and their contents, sorted by name. */
  private List<String> committed() throws IOException {
    try (Stream<Path> files = Files.list(out())) {
      return files.map(p -> p.getFileName().toString())
          .filter(name -> !name.endsWith(TransactionalFileSink.IN_PROGRESS))
          .sorted()
          .map(name -> name.replaceAll("-\\d+x[0-9a-f]{4}-", "-RUN-") + ": " + read(out().resolve(name)))
          .toList();
    }
  }

  private List<String> inProgress() throws IOException {
    try (Stream<Path> files = Files.list(out())) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(TransactionalFileSink.IN_PROGRESS))
          .sorted().toList();
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void recordsBecomeVisibleOnlyWhenTheirTransactionCommits() throws Exception {
    Numbers sink = open(0, 1);
    sink.write(1L);
    sink.write(2L);
    assertEquals(List.of(), committed());
    String first = sink.preCommit(1);
    sink.write(3L); // into the next transaction
    assertEquals(List.of(), committed(), "pre-committed is durable, not visible");
    assertEquals(List.of(first), inProgress().stream().filter(first::equals).toList());

    sink.commit(first);
    assertEquals(List.of("part-0-RUN-0: n=1\nn=2\n"), committed());
    String second = sink.preCommit(2);
    sink.commit(second);
    assertEquals(List.of("part-0-RUN-0: n=1\nn=2\n", "part-0-RUN-1: n=3\n"), committed());
    assertEquals(List.of(), inProgress());
  }

  @Test
  void aCheckpointWithNothingWrittenHasNoTransaction() throws Exception {
    Numbers sink = open(0, 1);
    assertNull(sink.preCommit(1));
    sink.write(1L);
    assertNotNull(sink.preCommit(2));
    assertNull(sink.preCommit(3));
    assertEquals(1, inProgress().size());
  }

  @Test
  void committingAgainAfterACrashIsANoOp() throws Exception {
    Numbers sink = open(0, 1);
    sink.write(1L);
    String handle = sink.preCommit(1);
    sink.commit(handle);
    sink.close(); // "crash" after the commit; the restore commits the handle again

    Numbers restored = open(0, 1);
    restored.recover(Set.of(handle));
    restored.commit(handle);
    restored.commit(handle);
    assertEquals(List.of("part-0-RUN-0: n=1\n"), committed());
  }

  @Test
  void aRestoreCommitsWhatTheCrashedRunPreCommittedButNeverCommitted() throws Exception {
    Numbers sink = open(0, 1);
    sink.write(1L);
    String handle = sink.preCommit(1);
    sink.close(); // crashed before the checkpoint-complete notification

    Numbers restored = open(0, 1);
    restored.recover(Set.of(handle));
    restored.commit(handle);
    assertEquals(List.of("part-0-RUN-0: n=1\n"), committed());
  }

  @Test
  void recoverDeletesLeftoversOfTransactionsThatWillNeverCommit() throws Exception {
    Numbers crashed = open(0, 2);
    crashed.write(1L);
    String restoredHandle = crashed.preCommit(1);     // in the completed checkpoint
    crashed.write(2L);
    String neverCompleted = crashed.preCommit(2);     // its checkpoint never completed
    crashed.write(3L);                                // open when the job failed
    Numbers other = open(1, 2);
    other.write(10L);
    String othersHandle = other.preCommit(1);         // subtask 1's, being committed by its own instance
    other.write(11L);
    crashed.close();
    other.close();
    assertEquals(5, inProgress().size());

    Numbers restored = open(0, 2);
    restored.recover(Set.of(restoredHandle, othersHandle));
    List<String> left = inProgress();
    assertTrue(left.contains(restoredHandle) && left.contains(othersHandle), left.toString());
    assertTrue(!left.contains(neverCompleted), left.toString());
    assertEquals(List.of(restoredHandle), left.stream().filter(n -> n.startsWith("part-0-")).toList(),
        "subtask 0's open and never-completed files are gone: " + left);
    assertEquals(3, left.size(), "subtask 1's open file is subtask 1's to clean up: " + left);
    restored.commit(restoredHandle);
    assertEquals(List.of("part-0-RUN-0: n=1\n"), committed());
  }

  @Test
  void afterScalingDownTheFilesOfVanishedSubtasksAreCleanedByIndexModuloParallelism() throws Exception {
    for (int subtask = 0; subtask < 4; subtask++) {
      Numbers old = open(subtask, 4);
      old.write((long) subtask);
      old.close(); // open file left behind
    }
    open(0, 2).recover(Set.of());
    assertEquals(2, inProgress().size());
    assertTrue(inProgress().stream().allMatch(n -> n.startsWith("part-1-") || n.startsWith("part-3-")), inProgress().toString());
    open(1, 2).recover(Set.of());
    assertEquals(List.of(), inProgress());
  }

  @Test
  void filesOfANewerRunAreNotTouched() throws Exception {
    Numbers restored = open(0, 1);
    Path newer = out().resolve("part-0-" + (System.currentTimeMillis() + 3_600_000) + "xabcd-0.inprogress");
    Files.writeString(newer, "n=9\n");
    Path foreign = out().resolve("notes.inprogress");
    Files.writeString(foreign, "not ours");
    restored.recover(Set.of());
    assertTrue(Files.exists(newer));
    assertTrue(Files.exists(foreign));
  }

  @Test
  void abortOpenDeletesTheOpenFileOnly() throws Exception {
    Numbers sink = open(0, 1);
    sink.write(1L);
    String handle = sink.preCommit(1);
    sink.write(2L);
    sink.abortOpen();
    assertEquals(List.of(handle), inProgress());
    sink.abortOpen(); // nothing open: nothing to do
    sink.write(3L);   // a new transaction after the abort
    sink.commit(handle);
    sink.commit(sink.preCommit(2));
    assertEquals(List.of("part-0-RUN-0: n=1\n", "part-0-RUN-2: n=3\n"), committed());
  }

  @Test
  void committingATransactionWhoseFilesAreGoneFailsClearly() throws Exception {
    Numbers sink = open(0, 1);
    sink.write(1L);
    String handle = sink.preCommit(1);
    Files.delete(out().resolve(handle));
    IOException e = assertThrows(IOException.class, () -> sink.commit(handle));
    assertTrue(e.getMessage().contains(handle) && e.getMessage().contains("committed output was lost"), e.getMessage());
  }

  @Test
  void handlesThatAreNotInProgressFileNamesAreRefused() throws Exception {
    Numbers sink = open(0, 1);
    assertThrows(IllegalArgumentException.class, () -> sink.commit("../part-0-1x0000-0.inprogress"));
    assertThrows(IllegalArgumentException.class, () -> sink.commit("part-0-1x0000-0"));
  }

  @Test
  void closeLeavesTheOpenFileUncommitted() throws Exception {
    Numbers sink = open(0, 1);
    sink.write(1L);
    sink.close();
    assertEquals(List.of(), committed());
    assertEquals(1, inProgress().size());
    assertTrue(read(out().resolve(inProgress().get(0))).startsWith("n=1"));
  }

  @Test
  void aNullLineIsRefusedBeforeAnythingIsWritten() throws Exception {
    TransactionalFileSink<Long> sink = new TransactionalFileSink<>() {
      @Override
      protected Path directory(OperatorContext context) {
        return out();
      }

      @Override
      protected String format(Long record) {
        return null;
      }
    };
    sink.open(new Context(0, 1, JobParameters.empty()));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sink.write(5L));
    assertTrue(e.getMessage().contains("format returned null for 5"), e.getMessage());
    assertNull(sink.preCommit(1));
  }
}
