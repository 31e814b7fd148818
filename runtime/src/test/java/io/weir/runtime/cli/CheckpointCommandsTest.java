package io.weir.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.runtime.checkpoint.CheckpointConfig;
import io.weir.runtime.checkpoint.CheckpointType;
import io.weir.runtime.checkpoint.CheckpointingMode;
import io.weir.runtime.rpc.CheckpointSummary;
import io.weir.runtime.rpc.ExecutionStatus;
import io.weir.runtime.rpc.JobCheckpoints;
import io.weir.runtime.rpc.JobInfo;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The checkpoint options, savepoint commands and checkpoint output of the command line, without a cluster. */
class CheckpointCommandsTest {
  @TempDir Path dir;

  private static int run(StringWriter err, String... args) {
    CommandLine commandLine = Weir.commandLine();
    ConfigDefaults.install(commandLine, List.of(args), null);
    commandLine.setErr(new PrintWriter(err));
    commandLine.setOut(new PrintWriter(new StringWriter()));
    return commandLine.execute(args);
  }

  /** The checkpoint configuration {@code weir submit ARGS} would send. */
  private static CheckpointConfig submitted(String... args) {
    CommandLine commandLine = Weir.commandLine();
    ConfigDefaults.install(commandLine, List.of(args), null);
    CommandLine.ParseResult parsed = commandLine.parseArgs(args);
    SubmitCommand submit = (SubmitCommand) parsed.subcommand().commandSpec().userObject();
    return submit.checkpoints.config();
  }

  @Test
  void durationsTakeUnitsAndBareMilliseconds() {
    assertEquals(Duration.ofMillis(200), DurationConverter.parse("200ms"));
    assertEquals(Duration.ofSeconds(1), DurationConverter.parse(" 1s "));
    assertEquals(Duration.ofMinutes(5), DurationConverter.parse("5m"));
    assertEquals(Duration.ofHours(2), DurationConverter.parse("2h"));
    assertEquals(Duration.ofMillis(250), DurationConverter.parse("250"));
    assertThrows(IllegalArgumentException.class, () -> DurationConverter.parse("1 sec"));
    assertThrows(IllegalArgumentException.class, () -> DurationConverter.parse("-1s"));
    assertEquals("1500ms", DurationConverter.format(Duration.ofMillis(1500)));
    assertEquals("2m", DurationConverter.format(Duration.ofSeconds(120)));
  }

  @Test
  void submitFlagsBecomeTheCheckpointConfigWithAnAbsoluteDirectory() {
    CheckpointConfig config = submitted("submit", "--checkpoint-interval", "1s", "--checkpoint-dir", "cp",
        "--checkpointing-mode", "at-least-once", "--checkpoint-timeout", "30s", "--retained-checkpoints", "3", "job.jar");
    assertEquals(Duration.ofSeconds(1), config.interval());
    assertEquals(Path.of("cp").toAbsolutePath().toString(), config.directory());
    assertEquals(CheckpointingMode.AT_LEAST_ONCE, config.mode());
    assertEquals(Duration.ofSeconds(30), config.timeout());
    assertEquals(3, config.retained());
    assertFalse(config.unaligned());
    CheckpointConfig unaligned = submitted("submit", "--checkpoint-interval", "200ms", "--checkpoint-dir", "/cp", "--unaligned",
        "--alignment-timeout", "0", "job.jar");
    assertTrue(unaligned.unaligned());
    assertEquals(CheckpointConfig.disabled(), submitted("submit", "job.jar"));
  }

  @Test
  void theConfigurationFileSuppliesCheckpointAndSavepointDefaults() throws Exception {
    Path config = Files.writeString(dir.resolve("weir.properties"),
        "checkpoint.interval = 2s\ncheckpoint.dir = /shared/cp\ncheckpoint.mode = at-least-once\n");
    CheckpointConfig fromFile = submitted("submit", "--config", config.toString(), "job.jar");
    assertEquals(Duration.ofSeconds(2), fromFile.interval());
    assertEquals("/shared/cp", fromFile.directory());
    assertEquals(CheckpointingMode.AT_LEAST_ONCE, fromFile.mode());
    // a flag wins over the file
    assertEquals(Duration.ofMillis(300),
        submitted("submit", "--config", config.toString(), "--checkpoint-interval", "300ms", "job.jar").interval());
  }

  @Test
  void inconsistentCheckpointFlagsAreUsageErrors() throws Exception {
    Path jar = Files.writeString(dir.resolve("job.jar"), "not really a jar; never opened");
    StringWriter noDir = new StringWriter();
    assertEquals(2, run(noDir, "submit", "--jobmanager", "127.0.0.1:1", "--checkpoint-interval", "1s", jar.toString()));
    assertTrue(noDir.toString().contains("--checkpoint-dir"), noDir.toString());
    StringWriter badMode = new StringWriter();
    assertEquals(2, run(badMode, "submit", "--jobmanager", "127.0.0.1:1", "--checkpointing-mode", "twice", jar.toString()));
    assertTrue(badMode.toString().contains("exactly-once or at-least-once"), badMode.toString());
    StringWriter unalignedAtLeastOnce = new StringWriter();
    assertEquals(2, run(unalignedAtLeastOnce, "submit", "--jobmanager", "127.0.0.1:1", "--checkpointing-mode", "at-least-once",
        "--unaligned", jar.toString()));
    StringWriter allowAlone = new StringWriter();
    assertEquals(2, run(allowAlone, "submit", "--jobmanager", "127.0.0.1:1", "--allow-non-restored-state", jar.toString()));
    assertTrue(allowAlone.toString().contains("--from-savepoint"), allowAlone.toString());
    assertEquals(2, run(new StringWriter(), "submit", "--jobmanager", "127.0.0.1:1", "--checkpoint-interval", "soon",
        jar.toString()));
  }

  @Test
  void savepointsNeedADirectoryFromTheArgumentsOrTheConfiguration() throws Exception {
    StringWriter none = new StringWriter();
    assertEquals(2, run(none, "savepoint", "--jobmanager", "127.0.0.1:1", "job-1"));
    assertTrue(none.toString().contains("savepoint.dir"), none.toString());
    StringWriter cancel = new StringWriter();
    assertEquals(2, run(cancel, "cancel", "--jobmanager", "127.0.0.1:1", "--savepoint", "job-1"));
    assertTrue(cancel.toString().contains("savepoint.dir"), cancel.toString());
    StringWriter dirWithoutFlag = new StringWriter();
    assertEquals(2, run(dirWithoutFlag, "cancel", "--jobmanager", "127.0.0.1:1", "/sp", "job-1"));
    assertTrue(dirWithoutFlag.toString().contains("needs --savepoint"), dirWithoutFlag.toString());
    // with the directory from the configuration, the command gets as far as the (absent) JobManager
    Path config = Files.writeString(dir.resolve("weir.properties"), "savepoint.dir = /shared/sp\njobmanager = 127.0.0.1:1\n");
    StringWriter unreachable = new StringWriter();
    assertEquals(1, run(unreachable, "savepoint", "--config", config.toString(), "job-1"));
    assertTrue(unreachable.toString().contains("cannot connect"), unreachable.toString());
  }

  @Test
  void statusListsEveryRecentCheckpointWithItsFigures() {
    JobCheckpoints checkpoints = new JobCheckpoints(2, 1, 1, 3, "/cp/j/chk-3-metadata", List.of(
        new CheckpointSummary(4, CheckpointType.CHECKPOINT, CheckpointSummary.Status.COMPLETED, 1000, 120, 4, 4, 2, 80, 5,
            9011, 300, 2048, "", "/cp/j/chk-4-metadata", 0),
        new CheckpointSummary(5, CheckpointType.SAVEPOINT, CheckpointSummary.Status.FAILED, 2000, 30, 1, 4, 0, 0, 0, 0, 0, 0,
            "declined by Count (2/4)", "", 1),
        new CheckpointSummary(6, CheckpointType.CHECKPOINT, CheckpointSummary.Status.IN_PROGRESS, 3000, 10, 0, 4, 0, 0, 0,
            0, 0, 0, "", "", 2)));
    JobInfo job = new JobInfo("j", "wordcount", ExecutionStatus.RUNNING, 1, "", 0, 0, List.of(), checkpoints);
    String text = JobText.details(job);
    assertTrue(text.contains("Checkpoints: 2 completed, 1 failed, 1 in progress\n"), text);
    assertTrue(text.contains("Restored:    checkpoint 3 from /cp/j/chk-3-metadata\n"), text);
    assertTrue(text.contains("Latest:      checkpoint 4 at /cp/j/chk-4-metadata\n"), text);
    assertTrue(text.contains(CheckpointText.HEADER), text);
    assertTrue(text.matches("(?s).*\\n\\s+4  checkpoint  COMPLETED\\s+4/4\\s+120 ms\\s+2 ms\\s+80 ms\\s+5 ms\\s+8\\.8 KiB\\s+300 B\\s+2\\.0 KiB\\s+1\\n.*"),
        text);
    assertTrue(text.matches("(?s).*\\n\\s+5  savepoint\\s+FAILED\\s+1/4.*\\n\\s+failure: declined by Count \\(2/4\\)\\n.*"), text);
    assertTrue(text.matches("(?s).*\\n\\s+6  checkpoint  IN_PROGRESS\\s+0/4.*"), text);
    assertEquals("Restored from checkpoint 3: /cp/j/chk-3-metadata", JobText.restored(job));
    // a job that never checkpointed shows no checkpoint section
    assertFalse(JobText.details(new JobInfo("j", "w", ExecutionStatus.RUNNING, 0, "", 0, 0, List.of())).contains("Checkpoints"));
    assertEquals("1.5 MiB", CheckpointText.bytes(1536 * 1024));
  }
}
