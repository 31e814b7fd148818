package io.weir.runtime.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code weir} launcher: {@code weir jobmanager [--port P]}, {@code weir taskmanager
 * --jobmanager HOST:PORT --slots N}. Exit codes: 0 success, 2 bad usage, 1 failure.
 */
@Command(name = "weir", mixinStandardHelpOptions = true, version = "weir 0.1.0-SNAPSHOT",
    description = "Runs the processes of a Weir cluster.",
    subcommands = {JobManagerCommand.class, TaskManagerCommand.class})
public final class Weir implements Runnable {
  public static void main(String[] args) {
    int exitCode = commandLine().execute(args);
    if (exitCode != 0) {
      System.exit(exitCode);
    }
    // server subcommands return only once their process should end; non-daemon Netty threads are gone by then
  }

  /**
   * The parser with Weir's error handling: a failure the user can fix (bad address, missing secret)
   * is one line on standard error and exit code 2, not a stack trace.
   */
  static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new Weir());
    commandLine.setExecutionExceptionHandler((e, failed, parseResult) -> {
      boolean usage = e instanceof IllegalArgumentException;
      failed.getErr().println("weir " + failed.getCommandName() + ": " + (usage ? e.getMessage() : e.toString()));
      if (!usage) {
        e.printStackTrace(failed.getErr());
      }
      return usage ? 2 : 1;
    });
    return commandLine;
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }
}
