package io.weir.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The command line that runs a job in a forked JVM:
 * {@code <java> [jvmArgs] -cp <classpath> io.weir.runtime.client.LocalJobRunner [--job NAME]
 * [--parallelism N] [--vertex-parallelism NAME=N,...] [--progress-interval MS] [--state-backend NAME]
 * [--checkpoint-interval MS] [--checkpoint-dir DIR] [--checkpointing-mode MODE] [--unaligned]
 * [--from-savepoint PATH] [--allow-non-restored-state] [-- <program args>]}.
 *
 * <p>The plugin names the runner class instead of linking to it: the runtime it starts is the one
 * on the user's project class path, so the plugin never carries a runtime of its own.
 */
final class JobCommand {
  /** The runtime's command-line entry point (weir-runtime). */
  static final String RUNNER_CLASS = "io.weir.runtime.client.LocalJobRunner";

  /** Characters that make a shell split or expand an argument. */
  private static final String SHELL_SPECIAL = " \t\n'\"\\$`*?;&|<>()#~!{}[]";

  private final Path java;
  private final List<String> classpath;
  private List<String> jvmArgs = List.of();
  private String job;
  private Integer parallelism;
  private String vertexParallelism;
  private Long progressIntervalMillis;
  private String stateBackend;
  private String checkpointInterval;
  private String checkpointDir;
  private String checkpointingMode;
  private boolean unaligned;
  private String fromSavepoint;
  private boolean allowNonRestoredState;
  private String restart;
  private List<String> programArgs = List.of();

  /**
   * @param java the java launcher to run
   * @param classpath the job's class path, in order: the project's classes first, then its
   *     runtime dependencies
   */
  JobCommand(Path java, List<String> classpath) {
    this.java = Objects.requireNonNull(java, "java");
    if (classpath.isEmpty()) {
      throw new IllegalArgumentException("the class path is empty");
    }
    this.classpath = List.copyOf(classpath);
  }

  /** Options for the forked JVM, placed before {@code -cp}. */
  JobCommand jvmArgs(List<String> args) {
    this.jvmArgs = List.copyOf(args);
    return this;
  }

  /** The job to run; null or blank lets the runner pick the project's only job. */
  JobCommand job(String name) {
    this.job = name == null || name.isBlank() ? null : name.trim();
    return this;
  }

  /** Overrides the job's default parallelism; null keeps it. */
  JobCommand parallelism(Integer parallelism) {
    this.parallelism = parallelism;
    return this;
  }

  /** Per-vertex overrides as {@code NAME=N,NAME=N}, checked by the runner; null or blank for none. */
  JobCommand vertexParallelism(String overrides) {
    this.vertexParallelism = overrides == null || overrides.isBlank() ? null : overrides.trim();
    return this;
  }

  /** Milliseconds between progress lines; null keeps the runner's default. */
  JobCommand progressIntervalMillis(Long millis) {
    this.progressIntervalMillis = millis;
    return this;
  }

  /** The state backend ({@code heap}, {@code rocksdb}) replacing the job's own, checked by the runner; null or blank keeps it. */
  JobCommand stateBackend(String name) {
    this.stateBackend = name == null || name.isBlank() ? null : name.trim();
    return this;
  }

  /**
   * Time between periodic checkpoints ({@code 10s}, {@code 500ms}; a bare number is ms), checked by
   * the runner; null or blank takes none. The other checkpoint options need it (runner-checked).
   */
  JobCommand checkpointInterval(String interval) {
    this.checkpointInterval = interval == null || interval.isBlank() ? null : interval.trim();
    return this;
  }

  /** Where the job's checkpoint directory is made; null or blank for a temporary one. */
  JobCommand checkpointDir(String directory) {
    this.checkpointDir = directory == null || directory.isBlank() ? null : directory.trim();
    return this;
  }

  /** {@code exactly-once} or {@code at-least-once}, checked by the runner; null or blank for exactly-once. */
  JobCommand checkpointingMode(String mode) {
    this.checkpointingMode = mode == null || mode.isBlank() ? null : mode.trim();
    return this;
  }

  /** Unaligned checkpoints (exactly-once only). */
  JobCommand unaligned(boolean unaligned) {
    this.unaligned = unaligned;
    return this;
  }

  /** The checkpoint or savepoint (directory or metadata file) to resume from; null or blank to start empty. */
  JobCommand fromSavepoint(String path) {
    this.fromSavepoint = path == null || path.isBlank() ? null : path.trim();
    return this;
  }

  /** Skip state of vertices the job no longer has when resuming. */
  JobCommand allowNonRestoredState(boolean allow) {
    this.allowNonRestoredState = allow;
    return this;
  }

  /** The restart strategy in its text form (runner-checked); null or blank for none. */
  JobCommand restart(String strategy) {
    this.restart = strategy == null || strategy.isBlank() ? null : strategy.trim();
    return this;
  }

  /** Arguments for the job itself, passed after {@code --} so the runner never reads them. */
  JobCommand programArgs(List<String> args) {
    this.programArgs = List.copyOf(args);
    return this;
  }

  /** The full command, one element per argument (no shell quoting needed). */
  List<String> toList() {
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.addAll(jvmArgs);
    command.add("-cp");
    command.add(String.join(File.pathSeparator, classpath));
    command.add(RUNNER_CLASS);
    if (job != null) {
      command.add("--job");
      command.add(job);
    }
    if (parallelism != null) {
      command.add("--parallelism");
      command.add(parallelism.toString());
    }
    if (vertexParallelism != null) {
      command.add("--vertex-parallelism");
      command.add(vertexParallelism);
    }
    if (progressIntervalMillis != null) {
      command.add("--progress-interval");
      command.add(progressIntervalMillis.toString());
    }
    if (stateBackend != null) {
      command.add("--state-backend");
      command.add(stateBackend);
    }
    if (checkpointInterval != null) {
      command.add("--checkpoint-interval");
      command.add(checkpointInterval);
    }
    if (checkpointDir != null) {
      command.add("--checkpoint-dir");
      command.add(checkpointDir);
    }
    if (checkpointingMode != null) {
      command.add("--checkpointing-mode");
      command.add(checkpointingMode);
    }
    if (unaligned) {
      command.add("--unaligned");
    }
    if (fromSavepoint != null) {
      command.add("--from-savepoint");
      command.add(fromSavepoint);
    }
    if (allowNonRestoredState) {
      command.add("--allow-non-restored-state");
    }
    if (restart != null) {
      command.add("--restart");
      command.add(restart);
    }
    if (!programArgs.isEmpty()) {
      command.add("--");
      command.addAll(programArgs);
    }
    return command;
  }

  /**
   * {@code command} as one line a POSIX shell would split back into the same arguments, for logs
   * and for copying into a terminal.
   */
  static String display(List<String> command) {
    StringBuilder line = new StringBuilder();
    for (String arg : command) {
      if (line.length() > 0) {
        line.append(' ');
      }
      boolean plain = !arg.isEmpty() && arg.chars().noneMatch(c -> SHELL_SPECIAL.indexOf(c) >= 0);
      line.append(plain ? arg : "'" + arg.replace("'", "'\\''") + "'");
    }
    return line.toString();
  }

  /** The java launcher inside a JDK or JRE home directory. */
  static Path javaIn(Path javaHome, boolean windows) {
    return javaHome.resolve("bin").resolve(windows ? "java.exe" : "java");
  }
}
