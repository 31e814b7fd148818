package io.weir.benchmarks.recovery;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One process of a benchmark cluster, started through the distribution's {@code bin/weir} (which
 * {@code exec}s the JVM, so {@link Process#pid()} is the JVM itself and a SIGKILL reaches it), its
 * standard output and error in files of the run directory (read while it runs, kept for post-mortems).
 */
final class WeirProcess implements AutoCloseable {
  final String name;
  final Path stdout;
  final Path stderr;
  private final Process process;

  private WeirProcess(String name, Process process, Path stdout, Path stderr) {
    this.name = name;
    this.process = process;
    this.stdout = stdout;
    this.stderr = stderr;
  }

  /** Starts {@code weir ARGS...} with {@code WEIR_JAVA_OPTS=javaOptions} and no cluster secret (loopback). */
  static WeirProcess start(Path weirHome, Path runDir, String name, String javaOptions, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(weirHome.resolve("bin/weir").toString());
    command.addAll(List.of(args));
    Path out = runDir.resolve(name + ".out");
    Path err = runDir.resolve(name + ".err");
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectOutput(out.toFile())
        .redirectError(err.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    Map<String, String> env = builder.environment();
    env.put("WEIR_JAVA_OPTS", javaOptions);
    env.remove("WEIR_CLUSTER_SECRET");
    return new WeirProcess(name, builder.start(), out, err);
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Every line written to standard output so far. */
  List<String> outputLines() throws IOException {
    return readLines(stdout);
  }

  /** Every line written to standard error so far (the log). */
  List<String> errorLines() throws IOException {
    return readLines(stderr);
  }

  /** Group 1 of the first output or log line matching {@code regex}, waiting at most {@code seconds}; null if none. */
  String await(Pattern regex, boolean inLog, int seconds) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    do {
      for (String line : inLog ? errorLines() : outputLines()) {
        Matcher m = regex.matcher(line);
        if (m.find()) {
          return m.groupCount() > 0 ? m.group(1) : line;
        }
      }
      Thread.sleep(20);
    } while (System.nanoTime() < deadline && process.isAlive());
    return null;
  }

  /** How many log lines match {@code regex}. */
  long countInLog(Pattern regex) throws IOException {
    return errorLines().stream().filter(line -> regex.matcher(line).find()).count();
  }

  /** SIGKILL (Process.destroyForcibly on Linux): the process gets no chance to say goodbye. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  /** SIGKILL without waiting (for shutdown hooks). */
  void destroyNow() {
    process.destroyForcibly();
  }

  /** SIGTERM, then SIGKILL if it has not exited within 5 s. */
  @Override
  public void close() throws InterruptedException {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      kill();
    }
  }

  private static List<String> readLines(Path file) throws IOException {
    if (!Files.exists(file)) {
      return List.of();
    }
    // the last line may be half written: keep only complete ones
    String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    int end = text.lastIndexOf('\n');
    return end < 0 ? List.of() : List.of(text.substring(0, end).split("\n"));
  }
}
