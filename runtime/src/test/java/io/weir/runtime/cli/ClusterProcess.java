package io.weir.runtime.cli;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code weir} process started from the test classpath. Its standard output is read by a
 * daemon thread into a queue (so the pipe never fills); standard error goes to a file for post-mortems.
 * {@link #close()} kills it: tests call it in finally blocks.
 */
final class ClusterProcess implements AutoCloseable {
  private final Process process;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final List<String> all = java.util.Collections.synchronizedList(new ArrayList<>());
  private final Thread reader;
  final Path stderr;

  private ClusterProcess(Process process, Path stderr) {
    this.process = process;
    this.stderr = stderr;
    this.reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = in.readLine()) != null; ) {
          lines.add(line);
          all.add(line);
        }
      } catch (IOException ignored) {
        // the process died; its lines so far are in the queue
      }
    }, "stdout-of-" + process.pid());
    reader.setDaemon(true);
    reader.start();
  }

  static ClusterProcess start(Path logDir, String name, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx128m");
    command.add("-cp");
    command.add(runtimeClassPath());
    command.add(Weir.class.getName());
    command.addAll(List.of(args));
    Path stderr = logDir.resolve(name + ".stderr.log");
    Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
    return new ClusterProcess(process, stderr);
  }

  /**
   * The test JVM's class path without its test classes: what a cluster process of the runtime has.
   * Jobs reach those processes only through uploaded jars, never through their class path.
   */
  static String runtimeClassPath() {
    return java.util.Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !entry.endsWith("test-classes") && !entry.endsWith("test-classes" + File.separator))
        .collect(java.util.stream.Collectors.joining(File.pathSeparator));
  }

  /** Waits for the process to exit; its exit code. */
  int waitFor(int seconds) throws InterruptedException, IOException {
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      throw new AssertionError("still running after " + seconds + " s; stderr:\n" + java.nio.file.Files.readString(stderr));
    }
    return process.exitValue();
  }

  /** Every line the process wrote to standard output, once it has exited. */
  List<String> output() throws InterruptedException {
    reader.join(10_000);
    return List.copyOf(all);
  }

  String stderrText() throws IOException {
    return java.nio.file.Files.readString(stderr);
  }

  long pid() {
    return process.pid();
  }

  /** The rest of the first output line starting with {@code prefix}, waiting at most {@code seconds}. */
  String awaitLine(String prefix, int seconds) throws InterruptedException, IOException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      String line = lines.poll(100, TimeUnit.MILLISECONDS);
      if (line != null && line.startsWith(prefix)) {
        return line.substring(prefix.length());
      }
    }
    throw new AssertionError("no line starting with '" + prefix + "' within " + seconds + " s; alive=" + process.isAlive()
        + ", stderr:\n" + java.nio.file.Files.readString(stderr));
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** SIGKILL: the process gets no chance to say goodbye. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    kill();
  }
}
