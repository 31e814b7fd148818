package io.weir.maven;

import java.nio.file.Path;

/**
 * A stand-in for the job runner that {@link ProcessRunnerTest} starts as a child process.
 *
 * <ul>
 *   <li>{@code report <exitCode>}: prints its working directory and a line to each stream, then
 *       exits with {@code exitCode};
 *   <li>{@code hang}: prints its process id and sleeps until killed.
 * </ul>
 */
public final class FakeChild {
  private FakeChild() {}

  public static void main(String[] args) throws InterruptedException {
    switch (args[0]) {
      case "report":
        System.out.println("dir=" + Path.of("").toAbsolutePath());
        System.out.println("progress: 10 records");
        System.err.println("warning: something on stderr");
        System.exit(Integer.parseInt(args[1]));
        break;
      case "hang":
        System.out.println("pid=" + ProcessHandle.current().pid());
        System.out.flush();
        Thread.sleep(600_000);
        System.exit(99);
        break;
      default:
        System.exit(64);
    }
  }
}
