package io.weir.maven;

import java.util.List;

/** What the runner's exit code means for the build (exit codes of LocalJobRunner). */
final class RunnerExit {
  static final int FINISHED = 0;
  static final int JOB_FAILED = 1;
  static final int BAD_USAGE = 2;

  private RunnerExit() {}

  /**
   * The build failure message for {@code exitCode}, or null when the job finished. The runner has
   * already printed the details (the failing operator, the cause) above, so this says what kind of
   * failure it was and where to look; a usage error is short enough to quote.
   *
   * @param customJvmArgs whether weir.jvmArgs were given: a JVM that rejects one exits with 1 too,
   *     before the runner starts, so the message then points at them as well
   * @param stderrLines the first lines the runner wrote to stderr; on a usage error the first one
   *     that is not SLF4J's own notice says what was wrong (say, which jobs there are)
   */
  static String failureMessage(
      String job, int exitCode, boolean customJvmArgs, List<String> stderrLines) {
    String jvmArgsHint = customJvmArgs ? "; if the JVM did not start, check weir.jvmArgs" : "";
    String what = job == null ? "The Weir job" : "Weir job '" + job + "'";
    switch (exitCode) {
      case FINISHED:
        return null;
      case JOB_FAILED:
        return what + " failed: see the error above for the operator and cause" + jvmArgsHint;
      case BAD_USAGE:
        String reason = usageError(stderrLines);
        return what + " could not start: "
            + (reason != null
                ? reason
                : "the runner rejected its arguments (weir.job, weir.parallelism, "
                    + "weir.progressInterval, weir.args); see the message above");
      default:
        return what + " crashed: the forked JVM exited with code " + exitCode
            + " (killed, or out of memory?); see the output above" + jvmArgsHint;
    }
  }

  private static String usageError(List<String> stderrLines) {
    for (String line : stderrLines) {
      if (!line.isBlank() && !line.startsWith("SLF4J")) {
        return line.trim();
      }
    }
    return null;
  }
}
