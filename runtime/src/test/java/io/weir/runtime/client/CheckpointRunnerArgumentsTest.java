package io.weir.runtime.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.runtime.checkpoint.CheckpointConfig;
import io.weir.runtime.checkpoint.CheckpointingMode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The runner's checkpoint flags: parsing, and what a run does with them. */
@Timeout(60)
class CheckpointRunnerArgumentsTest {
  @TempDir Path temp;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return LocalJobRunner.run(args, getClass().getClassLoader(), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), false);
  }

  @Test
  void checkpointFlagsBecomeACheckpointConfigAndTheRestLeavesProgramArguments() throws Exception {
    RunnerArguments a = RunnerArguments.parse(new String[] {"--checkpoint-interval", "250", "--checkpoint-dir", "/c",
        "--checkpointing-mode", "exactly-once", "--unaligned", "--from-savepoint", "/s/savepoint-x-1-abcdef",
        "--allow-non-restored-state", "--restart", "fixed-delay:2:500", "--job", "wc", "--lines", "5"});
    CheckpointConfig config = a.checkpoint();
    assertEquals(Duration.ofMillis(250), config.interval());
    assertEquals("/c", config.directory());
    assertEquals(CheckpointingMode.EXACTLY_ONCE, config.mode());
    assertTrue(config.unaligned());
    assertEquals("/s/savepoint-x-1-abcdef", a.fromSavepoint());
    assertTrue(a.allowNonRestoredState());
    assertEquals(io.weir.runtime.rpc.RestartStrategy.fixedDelay(2, Duration.ofMillis(500)), a.restart());
    assertEquals("wc", a.job());
    assertEquals(List.of("--lines", "5"), a.programArgs());

    RunnerArguments atLeastOnce = RunnerArguments.parse(new String[] {"--checkpoint-interval", "2s",
        "--checkpointing-mode", "at-least-once"});
    assertEquals(Duration.ofSeconds(2), atLeastOnce.checkpoint().interval(), "read as weir submit reads durations");
    assertEquals(CheckpointingMode.AT_LEAST_ONCE, atLeastOnce.checkpoint().mode());
    assertEquals("", atLeastOnce.checkpoint().directory(), "no directory: a temporary one");

    RunnerArguments none = RunnerArguments.parse(new String[] {"--job", "wc"});
    assertNull(none.checkpoint());
    assertNull(none.fromSavepoint());
    assertFalse(none.allowNonRestoredState());
    assertEquals(io.weir.runtime.rpc.RestartStrategy.NONE, none.restart(), "embedded runs fail at the first failure by default");
  }

  @Test
  void inconsistentCheckpointFlagsAreUsageErrors() {
    for (String[] bad : new String[][] {
        {"--checkpoint-interval", "0"},
        {"--checkpoint-interval", "soon"},
        {"--checkpoint-interval", "0s"},
        {"--restart", "sometimes"},
        {"--checkpoint-interval", "-5"},
        {"--unaligned"},
        {"--checkpoint-dir", "/c"},
        {"--checkpoint-interval", "10", "--checkpointing-mode", "sometimes"},
        {"--checkpoint-interval", "10", "--checkpointing-mode", "at-least-once", "--unaligned"},
        {"--allow-non-restored-state"}}) {
      assertThrows(RunnerArguments.UsageException.class, () -> RunnerArguments.parse(bad), String.join(" ", bad));
    }
  }

  @Test
  void aRunWithACheckpointDirectoryCreatesTheJobsCheckpointDirectoryThere() throws Exception {
    assertEquals(0, run("--job", "wordcount-test", "--progress-interval", "0", "--checkpoint-interval", "20",
        "--checkpoint-dir", temp.toString(), "--", "--lines", "20000"), err.toString(StandardCharsets.UTF_8));
    try (Stream<Path> dirs = Files.list(temp)) {
      List<String> names = dirs.map(p -> p.getFileName().toString()).toList();
      assertEquals(1, names.size(), names.toString());
      assertTrue(names.get(0).matches("wordcount-test-\\d+"), names.toString());
      assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("Checkpoints of job 'wordcount-test' go to "
          + temp.toAbsolutePath().resolve(names.get(0))), out.toString(StandardCharsets.UTF_8));
    }
  }

  @Test
  void aRestoreFromNothingIsAUsageErrorNamingThePath() {
    Path missing = temp.resolve("no-savepoint");
    assertEquals(2, run("--job", "wordcount-test", "--from-savepoint", missing.toString()));
    String message = err.toString(StandardCharsets.UTF_8);
    assertTrue(message.contains("Cannot run job 'wordcount-test'") && message.contains(missing.toString()), message);
  }
}
