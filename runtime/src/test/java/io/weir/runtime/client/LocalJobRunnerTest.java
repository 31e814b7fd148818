package io.weir.runtime.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The test classpath registers two jobs: "wordcount-test" and "failing-test". */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LocalJobRunnerTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return LocalJobRunner.run(args, getClass().getClassLoader(), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), false);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void runsTheNamedJobWithProgramArgumentsAndPrintsTheSummary() {
    assertEquals(0, run("--job", "wordcount-test", "--parallelism", "2", "--progress-interval", "0", "--", "--lines", "3000"));
    assertTrue(out().startsWith("Job 'wordcount-test' FINISHED in "), out());
    assertTrue(out().contains("Lines") && out().contains("3,000"), out());
    assertTrue(out().lines().anyMatch(l -> l.trim().startsWith("Count") && l.trim().split("\\s+")[1].equals("2")), out());
    assertEquals("", err());
  }

  @Test
  void printsProgressLinesWhileTheJobRuns() {
    assertEquals(0, run("--job", "wordcount-test", "--progress-interval", "1", "--lines", "400000"));
    assertTrue(out().lines().anyMatch(l -> l.startsWith("[wordcount-test ")), out());
    assertTrue(out().contains("Job 'wordcount-test' FINISHED"), out());
  }

  @Test
  void aFailedJobExitsWithOneAndPrintsOperatorAndStackTrace() {
    assertEquals(1, run("--job", "failing-test"));
    assertTrue(err().contains("Job 'failing-test' failed: Operator 'Explode' failed in subtask 1 of 1"), err());
    assertTrue(err().contains("java.lang.IllegalStateException: number 50 is not allowed"), err());
    assertTrue(err().contains("\tat io.weir.runtime.fixtures.FailingTestJob"), "the cause's stack trace: " + err());
    assertTrue(out().contains("Job 'failing-test' FAILED"), out());
  }

  @Test
  void badUsageExitsWithTwo() {
    assertEquals(2, run());
    assertTrue(err().contains("several jobs found [failing-test, wordcount-test]"), err());

    err.reset();
    assertEquals(2, run("--job", "nope"));
    assertTrue(err().contains("no job named 'nope'; jobs found: [failing-test, wordcount-test]"), err());

    err.reset();
    assertEquals(2, run("--job", "wordcount-test", "--parallelism", "many"));
    assertTrue(err().contains("--parallelism expects a whole number") && err().contains("usage:"), err());

    err.reset();
    assertEquals(2, run("--job"));
    assertTrue(err().contains("--job needs a value"), err());

    err.reset();
    assertEquals(2, run("--parallelism", "0", "--job", "wordcount-test"));
    assertEquals("", out());
  }

  @Test
  void parsesOptionsUntilTheFirstForeignArgumentOrDoubleDash() throws Exception {
    RunnerArguments a = RunnerArguments.parse(new String[] {"--parallelism", "3", "--input", "f.txt", "--job", "x"});
    assertEquals(3, a.parallelism());
    assertEquals(null, a.job());
    assertEquals(List.of("--input", "f.txt", "--job", "x"), a.programArgs());
    assertEquals(1000, a.progressIntervalMillis());

    RunnerArguments b = RunnerArguments.parse(new String[] {"--job", "wc", "--", "--parallelism", "9"});
    assertEquals("wc", b.job());
    assertEquals(0, b.parallelism());
    assertEquals(List.of("--parallelism", "9"), b.programArgs());

    assertThrows(RunnerArguments.UsageException.class, () -> RunnerArguments.parse(new String[] {"--progress-interval", "-5"}));
  }

  @Test
  void overridesOneVertexParallelismByName() {
    assertEquals(0, run("--job", "wordcount-test", "--vertex-parallelism", "Count=3", "--progress-interval", "0",
        "--", "--lines", "3000"));
    assertTrue(out().lines().anyMatch(l -> l.trim().startsWith("Count") && l.trim().split("\\s+")[1].equals("3")), out());

    err.reset();
    assertEquals(2, run("--job", "wordcount-test", "--vertex-parallelism", "Nope=2"));
    assertTrue(err().contains("Nope"), "an unknown vertex is named: " + err());
  }

  @Test
  void parsesTheStateBackendAndRejectsUnknownOnesListingTheChoices() throws Exception {
    assertEquals("rocksdb", RunnerArguments.parse(new String[] {"--state-backend", "rocksdb", "--lines", "9"}).stateBackend());
    assertEquals("heap", RunnerArguments.parse(new String[] {"--state-backend", "heap"}).stateBackend());
    assertEquals(null, RunnerArguments.parse(new String[] {"--job", "wc"}).stateBackend(), "null keeps the job's own");
    RunnerArguments.UsageException e = assertThrows(RunnerArguments.UsageException.class,
        () -> RunnerArguments.parse(new String[] {"--state-backend", "RocksDB"}));
    assertEquals("--state-backend must be one of heap, rocksdb, got 'RocksDB'", e.getMessage());

    assertEquals(2, run("--job", "wordcount-test", "--state-backend", "memory"));
    assertTrue(err().contains("heap, rocksdb") && err().contains("[--state-backend heap|rocksdb]"), err());
  }

  @Test
  void runsAJobWithAStateBackendOption() {
    assertEquals(0, run("--job", "wordcount-test", "--state-backend", "rocksdb", "--parallelism", "2",
        "--progress-interval", "0", "--", "--lines", "3000"));
    assertTrue(out().startsWith("Job 'wordcount-test' FINISHED in "), out());
    assertEquals("", err());
  }

  @Test
  void parsesVertexParallelismLists() throws Exception {
    RunnerArguments a = RunnerArguments.parse(
        new String[] {"--vertex-parallelism", "Count=4,Tokenize=2", "--vertex-parallelism", "Sink = 1"});
    assertEquals(Map.of("Count", 4, "Tokenize", 2, "Sink", 1), a.vertexParallelism());

    for (String bad : new String[] {"Count", "Count=", "=3", "Count=x", "Count=0"}) {
      assertThrows(RunnerArguments.UsageException.class,
          () -> RunnerArguments.parse(new String[] {"--vertex-parallelism", bad}), bad);
    }
  }
}
