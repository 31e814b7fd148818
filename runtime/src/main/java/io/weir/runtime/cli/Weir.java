package io.weir.runtime.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code weir} launcher: {@code weir jobmanager [--port P]}, {@code weir taskmanager
 * --jobmanager HOST:PORT --slots N}, {@code weir submit [--detached] JAR [JOB] [-- ARGS]},
 * {@code weir list}, {@code weir status JOB_ID}, {@code weir cancel [--savepoint [DIR]] JOB_ID},
 * {@code weir savepoint JOB_ID [DIR]}. Defaults for any
 * option can come from a configuration file ({@link ConfigDefaults}). Exit codes: 0 success
 * (for an attached submit: the job finished), 1 failure (the job failed), 2 bad usage, 3 the
 * job was cancelled.
 */
@Command(name = "weir", mixinStandardHelpOptions = true, version = "weir 0.1.0-SNAPSHOT",
    description = "Runs the processes of a Weir cluster.",
    subcommands = {JobManagerCommand.class, TaskManagerCommand.class, SubmitCommand.class, ListCommand.class,
        StatusCommand.class, CancelCommand.class, SavepointCommand.class})
public final class Weir implements Runnable {
  public static void main(String[] args) {
    CommandLine commandLine = commandLine();
    try {
      ConfigDefaults.install(commandLine, java.util.List.of(args), System.getenv(ConfigDefaults.ENVIRONMENT_VARIABLE));
    } catch (java.io.UncheckedIOException e) {
      System.err.println("weir: " + e.getMessage() + ": " + e.getCause().getMessage());
      System.exit(2);
    }
    int exitCode = commandLine.execute(args);
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
      if (e instanceof java.io.IOException) { // e.g. cannot reach the JobManager, or it rejected the request
        failed.getErr().println("weir " + failed.getCommandName() + ": " + e.getMessage());
        return 1;
      }
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
