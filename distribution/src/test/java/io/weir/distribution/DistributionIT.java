package io.weir.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the assembled distribution's {@code bin/weir} as a user would: from the unpacked directory
 * (and through a symlink), with nothing but a JDK, and checks that the cluster processes start,
 * find each other and log through the bundled SLF4J binding.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DistributionIT {
  private static final Path HOME = Path.of(System.getProperty("weir.home"));
  private static final Path WEIR = HOME.resolve("bin/weir");

  @TempDir Path work;

  @Test
  void layoutHasLauncherLibrariesAndLoggingConfig() throws IOException {
    assertTrue(Files.isExecutable(WEIR), "bin/weir must be executable");
    assertTrue(Files.isRegularFile(HOME.resolve("conf/simplelogger.properties")));
    List<String> jars = new ArrayList<>();
    try (var stream = Files.list(HOME.resolve("lib"))) {
      stream.forEach(p -> jars.add(p.getFileName().toString()));
    }
    assertTrue(jars.stream().anyMatch(j -> j.startsWith("weir-runtime-")), "lib/ lacks weir-runtime: " + jars);
    assertTrue(jars.stream().anyMatch(j -> j.startsWith("slf4j-simple-")), "lib/ lacks the SLF4J binding: " + jars);
    assertTrue(jars.stream().noneMatch(j -> j.startsWith("junit")), "test dependencies leaked into lib/: " + jars);
  }

  @Test
  void versionThroughASymlink() throws Exception {
    Path link = work.resolve("weir");
    Files.createSymbolicLink(link, WEIR);
    Finished run = run(List.of(link.toString(), "--version"));
    assertEquals(0, run.exitCode, run.output);
    assertTrue(run.output.startsWith("weir "), run.output);
  }

  @Test
  void badUsageExitsWithTwoAndSaysWhy() throws Exception {
    Finished run = run(List.of(WEIR.toString(), "taskmanager", "--jobmanager", "nowhere", "--slots", "1"));
    assertEquals(2, run.exitCode, run.output);
    assertTrue(run.output.contains("--jobmanager must be HOST:PORT"), run.output);
  }

  @Test
  void jobManagerAndTaskManagerStartAndRegister() throws Exception {
    Path jmLog = work.resolve("jobmanager.log");
    Path tmLog = work.resolve("taskmanager.log");
    Process jobManager = start(List.of(WEIR.toString(), "jobmanager", "--port", "0", "--blob-dir", work.resolve("blobs").toString()), jmLog);
    Process taskManager = null;
    try {
      String listening = awaitLine(jmLog, "JobManager listening on ", 60);
      taskManager = start(List.of(WEIR.toString(), "taskmanager", "--jobmanager", listening, "--slots", "2"), tmLog);
      // logged by the TaskManager through SLF4J: proves the binding and conf/ are picked up
      String registered = awaitLine(tmLog, "registered with JobManager", 60);
      assertTrue(registered.contains("(2 slots"), registered);
      assertTrue(Files.readString(tmLog).contains("INFO"), "log lines should carry the simple binding's level");
    } finally {
      stop(taskManager);
      stop(jobManager);
    }
  }

  private record Finished(int exitCode, String output) {}

  private Finished run(List<String> command) throws Exception {
    Path out = Files.createTempFile(work, "run", ".log");
    Process process = start(command, out);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("still running after 60 s: " + command);
    }
    return new Finished(process.exitValue(), Files.readString(out));
  }

  /** Standard output and error both go to {@code log}, so tests can wait for lines of either. */
  private static Process start(List<String> command, Path log) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().remove("WEIR_CLUSTER_SECRET");
    return builder.start();
  }

  /** The text after {@code marker} on the first line of {@code log} containing it. */
  private static String awaitLine(Path log, String marker, int seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(log), StandardCharsets.UTF_8))) {
        for (String line; (line = in.readLine()) != null; ) {
          int at = line.indexOf(marker);
          if (at >= 0) {
            return line.substring(at + marker.length()).trim();
          }
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no line with '" + marker + "' within " + seconds + " s; log:\n" + Files.readString(log));
  }

  private static void stop(Process process) throws InterruptedException {
    if (process == null) {
      return;
    }
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
