package io.weir.runtime.exactlyonce;

import io.weir.runtime.cli.Weir;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * One {@code weir} command (JobManager, TaskManager or client) as an operating-system process,
 * started from the runtime's class path without the test classes: jobs reach it only as jars.
 * Standard output is collected by a daemon thread, standard error goes to a log file.
 */
final class WeirProcess implements AutoCloseable {
  final String name;
  private final Process process;
  private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
  private final Thread reader;
  private final Path stderr;

  private WeirProcess(String name, Process process, Path stderr) {
    this.name = name;
    this.process = process;
    this.stderr = stderr;
    this.reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = in.readLine()) != null; ) {
          lines.add(line);
        }
      } catch (IOException ignored) {
        // the process died: what it wrote so far is kept
      }
    }, "stdout-of-" + name);
    reader.setDaemon(true);
    reader.start();
  }

  static WeirProcess start(Path logDir, String name, List<String> args) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx160m", "-cp", runtimeClassPath(), Weir.class.getName()));
    command.addAll(args);
    Path stderr = logDir.resolve(name + ".stderr.log");
    Process process = new ProcessBuilder(command).redirectError(stderr.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
    return new WeirProcess(name, process, stderr);
  }

  /** The test JVM's class path without test classes. */
  static String runtimeClassPath() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !entry.endsWith("test-classes") && !entry.endsWith("test-classes" + File.separator))
        .collect(Collectors.joining(File.pathSeparator));
  }

  /** The rest of the first output line starting with {@code prefix}, waiting at most until {@code deadline}. */
  String awaitLine(String prefix, Deadline deadline) throws InterruptedException, IOException {
    int from = 0;
    while (true) {
      synchronized (lines) {
        for (; from < lines.size(); from++) {
          if (lines.get(from).startsWith(prefix)) {
            return lines.get(from).substring(prefix.length());
          }
        }
      }
      if (!process.isAlive() && !reader.isAlive()) {
        throw new AssertionError(name + " exited (" + process.exitValue() + ") without a line '" + prefix + "'; "
            + "output " + output() + "\nstderr:\n" + stderrTail());
      }
      if (deadline.passed()) {
        throw new AssertionError("no line '" + prefix + "' from " + name + " by the deadline; stderr:\n" + stderrTail());
      }
      Thread.sleep(20);
    }
  }

  List<String> output() {
    synchronized (lines) {
      return List.copyOf(lines);
    }
  }

  String stderrTail() throws IOException {
    if (!Files.exists(stderr)) {
      return "";
    }
    String text = Files.readString(stderr);
    return text.length() <= 6000 ? text : "..." + text.substring(text.length() - 6000);
  }

  boolean isAlive() {
    return process.isAlive();
  }

  long pid() {
    return process.pid();
  }

  /** SIGKILL: no shutdown hooks, no goodbyes. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    kill();
  }
}
