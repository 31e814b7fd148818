package io.weir.maven;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command as a child process and streams its output while it runs. The child never
 * outlives the caller: it is stopped when the waiting thread is interrupted and when the JVM shuts
 * down (Ctrl-C on Maven).
 */
final class ProcessRunner {
  /** How long a pump may keep copying after the child exited (a grandchild can hold the pipe). */
  private static final long PUMP_DRAIN_MILLIS = 5_000;

  private final Duration stopGracePeriod;

  /**
   * @param stopGracePeriod how long a child asked to stop may take to finish (its shutdown hooks)
   *     before it is killed
   */
  ProcessRunner(Duration stopGracePeriod) {
    this.stopGracePeriod = stopGracePeriod;
  }

  /**
   * Runs {@code command} in {@code directory} and waits for it. The child's stdout and stderr are
   * copied to {@code out} and {@code err} as they arrive, bytes unchanged; it reads Maven's stdin.
   *
   * @return the child's exit code
   * @throws InterruptedException when the calling thread is interrupted; the child is stopped first
   */
  int run(List<String> command, Path directory, OutputStream out, OutputStream err)
      throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(command)
            .directory(directory.toFile())
            .redirectInput(ProcessBuilder.Redirect.INHERIT)
            .start();
    Thread stopOnShutdown = new Thread(() -> stop(process), "weir-run-stop-child");
    Runtime.getRuntime().addShutdownHook(stopOnShutdown);
    Thread stdout = pump(process.getInputStream(), out, "weir-run-stdout");
    Thread stderr = pump(process.getErrorStream(), err, "weir-run-stderr");
    try {
      int exitCode = process.waitFor();
      stdout.join(PUMP_DRAIN_MILLIS);
      stderr.join(PUMP_DRAIN_MILLIS);
      return exitCode;
    } catch (InterruptedException e) {
      stop(process);
      throw e;
    } finally {
      removeHook(stopOnShutdown);
    }
  }

  /** Asks the child (and anything it started) to stop, then kills it after the grace period. */
  private void stop(Process process) {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(stopGracePeriod.toMillis(), TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The hook is running or about to: it stops the child, which is what we want.
    }
  }

  /** Copies {@code from} to {@code to} on a daemon thread, flushing after every read. */
  private static Thread pump(InputStream from, OutputStream to, String name) {
    Thread thread =
        new Thread(
            () -> {
              byte[] buffer = new byte[8192];
              try (from) {
                int n;
                while ((n = from.read(buffer)) != -1) {
                  synchronized (to) {
                    to.write(buffer, 0, n);
                    to.flush();
                  }
                }
              } catch (IOException e) {
                // The child went away mid-write (it was killed); its exit code tells the story.
              }
            },
            name);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }
}
