package io.weir.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checkpoint options of {@code weir:run} on the runner's command line. */
class CheckpointJobCommandTest {
  private static final Path JAVA = Path.of("/opt/jdk/bin/java");

  private static List<String> runnerOptions(JobCommand command) {
    List<String> all = command.toList();
    return all.subList(all.indexOf(JobCommand.RUNNER_CLASS) + 1, all.size());
  }

  @Test
  void checkpointOptionsGoBeforeTheProgramArguments() {
    JobCommand command = new JobCommand(JAVA, List.of("c"))
        .checkpointInterval(" 10s ")
        .checkpointDir(" /var/checkpoints ")
        .checkpointingMode("at-least-once")
        .unaligned(true)
        .fromSavepoint("/s/savepoint-wc-3-a1b2c3")
        .allowNonRestoredState(true)
        .restart(" fixed-delay:3:1000 ")
        .programArgs(List.of("--unaligned"));
    assertEquals(List.of("--checkpoint-interval", "10s", "--checkpoint-dir", "/var/checkpoints",
        "--checkpointing-mode", "at-least-once", "--unaligned", "--from-savepoint", "/s/savepoint-wc-3-a1b2c3",
        "--allow-non-restored-state", "--restart", "fixed-delay:3:1000", "--", "--unaligned"), runnerOptions(command));
  }

  @Test
  void unsetOrBlankCheckpointOptionsAddNothing() {
    JobCommand command = new JobCommand(JAVA, List.of("c")).checkpointInterval(" ").checkpointDir(" ")
        .checkpointingMode("").unaligned(false).fromSavepoint(null).allowNonRestoredState(false).restart(" ");
    assertEquals(List.of(), runnerOptions(command));
  }
}
