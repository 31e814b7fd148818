package io.weir.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The command line that submits a job jar to a running cluster with the runtime's launcher:
 * {@code <java> -cp <classpath> io.weir.runtime.cli.Weir submit --jobmanager HOST:PORT [--detached]
 * [--parallelism N] [--vertex-parallelism NAME=N]... [--restart S] [--state-backend NAME]
 * [--secret-file F] [--checkpoint-interval D --checkpoint-dir DIR] [--checkpointing-mode M] [--unaligned]
 * [--from-savepoint PATH [--allow-non-restored-state]] [--dependency JAR]... JAR [JOB] [-- <program args>]}. Like {@link JobCommand},
 * it names the launcher instead of linking to it: the runtime is the one on the project's class path.
 */
final class SubmitCommandLine {
  /** The runtime's launcher (weir-runtime). */
  static final String LAUNCHER_CLASS = "io.weir.runtime.cli.Weir";

  private final Path java;
  private final List<String> classpath;
  private final String jobManager;
  private final Path jar;
  private boolean detached;
  private String job;
  private Integer parallelism;
  private String vertexParallelism;
  private String restart;
  private String stateBackend;
  private String secretFile;
  private String checkpointInterval;
  private String checkpointDir;
  private String checkpointingMode;
  private boolean unaligned;
  private String fromSavepoint;
  private boolean allowNonRestoredState;
  private List<Path> dependencies = List.of();
  private List<String> programArgs = List.of();

  SubmitCommandLine(Path java, List<String> classpath, String jobManager, Path jar) {
    this.java = Objects.requireNonNull(java, "java");
    this.classpath = List.copyOf(classpath);
    this.jobManager = Objects.requireNonNull(jobManager, "jobManager").trim();
    this.jar = Objects.requireNonNull(jar, "jar");
  }

  SubmitCommandLine detached(boolean detached) {
    this.detached = detached;
    return this;
  }

  SubmitCommandLine job(String name) {
    this.job = blankToNull(name);
    return this;
  }

  SubmitCommandLine parallelism(Integer parallelism) {
    this.parallelism = parallelism;
    return this;
  }

  /** {@code NAME=N,NAME=N} as weir:run takes it; each becomes one {@code --vertex-parallelism}. */
  SubmitCommandLine vertexParallelism(String overrides) {
    this.vertexParallelism = blankToNull(overrides);
    return this;
  }

  SubmitCommandLine restart(String strategy) {
    this.restart = blankToNull(strategy);
    return this;
  }

  SubmitCommandLine stateBackend(String name) {
    this.stateBackend = blankToNull(name);
    return this;
  }

  SubmitCommandLine secretFile(String file) {
    this.secretFile = blankToNull(file);
    return this;
  }

  /** A duration such as {@code 10s}; with {@link #checkpointDir} the job checkpoints periodically. */
  SubmitCommandLine checkpointInterval(String interval) {
    this.checkpointInterval = blankToNull(interval);
    return this;
  }

  SubmitCommandLine checkpointDir(String directory) {
    this.checkpointDir = blankToNull(directory);
    return this;
  }

  /** {@code exactly-once} or {@code at-least-once}. */
  SubmitCommandLine checkpointingMode(String mode) {
    this.checkpointingMode = blankToNull(mode);
    return this;
  }

  SubmitCommandLine unaligned(boolean unaligned) {
    this.unaligned = unaligned;
    return this;
  }

  /** The savepoint directory the job starts from. */
  SubmitCommandLine fromSavepoint(String path) {
    this.fromSavepoint = blankToNull(path);
    return this;
  }

  SubmitCommandLine allowNonRestoredState(boolean allow) {
    this.allowNonRestoredState = allow;
    return this;
  }

  /** Jars the job needs besides its own, uploaded with it. */
  SubmitCommandLine dependencies(List<Path> jars) {
    this.dependencies = List.copyOf(jars);
    return this;
  }

  SubmitCommandLine programArgs(List<String> args) {
    this.programArgs = List.copyOf(args);
    return this;
  }

  List<String> toList() {
    List<String> command = new ArrayList<>(List.of(java.toString(), "-cp", String.join(File.pathSeparator, classpath),
        LAUNCHER_CLASS, "submit", "--jobmanager", jobManager));
    if (detached) {
      command.add("--detached");
    }
    if (parallelism != null) {
      command.addAll(List.of("--parallelism", parallelism.toString()));
    }
    if (vertexParallelism != null) {
      for (String override : vertexParallelism.split(",")) {
        if (!override.isBlank()) {
          command.addAll(List.of("--vertex-parallelism", override.trim()));
        }
      }
    }
    if (restart != null) {
      command.addAll(List.of("--restart", restart));
    }
    if (stateBackend != null) {
      command.addAll(List.of("--state-backend", stateBackend));
    }
    if (secretFile != null) {
      command.addAll(List.of("--secret-file", secretFile));
    }
    if (checkpointInterval != null) {
      command.addAll(List.of("--checkpoint-interval", checkpointInterval));
    }
    if (checkpointDir != null) {
      command.addAll(List.of("--checkpoint-dir", checkpointDir));
    }
    if (checkpointingMode != null) {
      command.addAll(List.of("--checkpointing-mode", checkpointingMode));
    }
    if (unaligned) {
      command.add("--unaligned");
    }
    if (fromSavepoint != null) {
      command.addAll(List.of("--from-savepoint", fromSavepoint));
    }
    if (allowNonRestoredState) {
      command.add("--allow-non-restored-state");
    }
    for (Path dependency : dependencies) {
      command.addAll(List.of("--dependency", dependency.toString()));
    }
    command.add(jar.toString());
    if (job != null) {
      command.add(job);
    }
    if (!programArgs.isEmpty()) {
      command.add("--");
      command.addAll(programArgs);
    }
    return command;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
