package io.weir.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class ProcessRunnerTest {
  private final ProcessRunner runner = new ProcessRunner(Duration.ofSeconds(5));

  @Test
  void streamsBothOutputsAndReturnsTheExitCode(@TempDir Path dir) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int exitCode = runner.run(fakeChild("report", "3"), dir, out, err);

    assertEquals(3, exitCode);
    String stdout = out.toString(StandardCharsets.UTF_8);
    assertTrue(stdout.contains("progress: 10 records"), stdout);
    assertEquals(
        "warning: something on stderr" + System.lineSeparator(),
        err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void runsInTheGivenDirectory(@TempDir Path dir) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    int exitCode = runner.run(fakeChild("report", "0"), dir, out, new ByteArrayOutputStream());

    assertEquals(0, exitCode);
    String firstLine = out.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
    assertEquals("dir=" + dir.toRealPath(), "dir=" + Path.of(firstLine.substring(4)).toRealPath());
  }

  @Test
  void interruptingTheCallerStopsTheChild(@TempDir Path dir) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread caller =
        new Thread(
            () -> {
              try {
                runner.run(fakeChild("hang"), dir, out, new ByteArrayOutputStream());
              } catch (Throwable t) {
                thrown.set(t);
              }
            });
    caller.start();
    long pid = awaitPid(out);

    caller.interrupt();
    caller.join(TimeUnit.SECONDS.toMillis(60));

    assertFalse(caller.isAlive(), "run() did not return after the interrupt");
    assertInstanceOf(InterruptedException.class, thrown.get());
    Optional<ProcessHandle> child = ProcessHandle.of(pid);
    if (child.isPresent()) {
      child.get().onExit().get(30, TimeUnit.SECONDS);
    }
    assertTrue(child.isEmpty() || !child.get().isAlive(), "the child still runs");
  }

  @Test
  void aMissingProgramFailsToStart(@TempDir Path dir) {
    List<String> command = List.of(dir.resolve("no-such-java").toString(), "-version");

    assertThrows(
        IOException.class,
        () -> runner.run(command, dir, new ByteArrayOutputStream(), new ByteArrayOutputStream()));
  }

  private static long awaitPid(ByteArrayOutputStream out) throws InterruptedException {
    while (true) {
      String text = out.toString(StandardCharsets.UTF_8);
      int newline = text.indexOf('\n');
      if (text.startsWith("pid=") && newline > 0) {
        return Long.parseLong(text.substring(4, newline).trim());
      }
      Thread.sleep(20);
    }
  }

  private static List<String> fakeChild(String... args) throws Exception {
    Path classes =
        Path.of(FakeChild.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> command = new ArrayList<>();
    Path javaHome = Path.of(System.getProperty("java.home"));
    command.add(JobCommand.javaIn(javaHome, isWindows()).toString());
    command.add("-cp");
    command.add(classes.toString());
    command.add(FakeChild.class.getName());
    command.addAll(List.of(args));
    return command;
  }

  private static boolean isWindows() {
    return System.getProperty("os.name", "").startsWith("Windows");
  }
}
