package io.weir.runtime.cli;

import io.weir.runtime.checkpoint.CheckpointConfig;
import io.weir.runtime.checkpoint.CheckpointingMode;
import io.weir.runtime.client.SubmitOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The checkpoint and restore options of {@code weir submit}. Directories and paths are made
 * absolute here, on the client: the JobManager and TaskManagers have other working directories,
 * and the paths must name the same place for all of them (a shared file system on a real cluster).
 * Configuration keys (besides the option names): {@code checkpoint.interval}, {@code checkpoint.dir},
 * {@code checkpoint.mode}, {@code checkpoint.unaligned}, {@code checkpoint.timeout},
 * {@code checkpoint.min-pause}, {@code checkpoint.alignment-timeout}, {@code checkpoint.retained}.
 */
final class CheckpointFlags {
  @Option(names = "--checkpoint-interval", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "Take a checkpoint every DURATION (e.g. 500ms, 1s, 5m); 0 or absent: none, only savepoints on request.")
  Duration interval;

  @Option(names = "--checkpoint-dir", paramLabel = "DIR",
      description = "Where checkpoints go (the job writes to DIR/JOB_ID): a directory every process sees at this path.")
  String directory;

  @Option(names = "--checkpointing-mode", paramLabel = "MODE", description = "exactly-once (default) or at-least-once.")
  String mode;

  @Option(names = "--unaligned", description = "Unaligned checkpoints: barriers overtake in-flight data (exactly-once only).")
  boolean unaligned;

  @Option(names = "--alignment-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "An aligned checkpoint aligning longer at a task switches to unaligned there (default: never).")
  Duration alignmentTimeout;

  @Option(names = "--checkpoint-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "A checkpoint not complete by then is aborted (default: 10m).")
  Duration timeout;

  @Option(names = "--min-pause", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "Least time between the end of a checkpoint and the start of the next (default: 0).")
  Duration minPause;

  @Option(names = "--retained-checkpoints", paramLabel = "N", description = "Completed checkpoints kept (default: 1).")
  Integer retained;

  @Option(names = "--from-savepoint", paramLabel = "PATH",
      description = "Start from this savepoint directory (or a retained checkpoint's metadata file) instead of empty.")
  String fromSavepoint;

  @Option(names = "--allow-non-restored-state",
      description = "Start even if the savepoint holds state no operator of the job claims (that state is dropped).")
  boolean allowNonRestoredState;

  /** Applies the flags to {@code options}; a bad combination is a usage error. */
  void applyTo(SubmitOptions options, CommandSpec spec) {
    try {
      options.checkpointing(config());
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    if (fromSavepoint != null && !fromSavepoint.isBlank()) {
      options.restoreFrom(absolute(fromSavepoint));
    } else if (allowNonRestoredState) {
      throw new ParameterException(spec.commandLine(), "--allow-non-restored-state needs --from-savepoint");
    }
    options.allowNonRestoredState(allowNonRestoredState);
  }

  CheckpointConfig config() {
    CheckpointConfig config = CheckpointConfig.disabled();
    if (interval != null && !interval.isZero()) {
      if (directory == null || directory.isBlank()) {
        throw new IllegalArgumentException("--checkpoint-interval needs --checkpoint-dir (or checkpoint.dir in the configuration)");
      }
      config = config.withInterval(interval);
    }
    if (directory != null && !directory.isBlank()) {
      config = config.withDirectory(absolute(directory));
    }
    if (mode != null) {
      config = config.withMode(mode(mode));
    }
    if (timeout != null) {
      config = config.withTimeout(timeout);
    }
    if (minPause != null) {
      config = config.withMinPause(minPause);
    }
    if (alignmentTimeout != null) {
      config = config.withAlignmentTimeout(alignmentTimeout);
    }
    if (retained != null) {
      config = config.withRetained(retained);
    }
    return config.withUnaligned(unaligned);
  }

  static CheckpointingMode mode(String text) {
    return switch (text.trim().toLowerCase(Locale.ROOT).replace('_', '-')) {
      case "exactly-once" -> CheckpointingMode.EXACTLY_ONCE;
      case "at-least-once" -> CheckpointingMode.AT_LEAST_ONCE;
      default -> throw new IllegalArgumentException("bad checkpointing mode '" + text + "'; use exactly-once or at-least-once");
    };
  }

  static String absolute(String path) {
    return Path.of(path.trim()).toAbsolutePath().normalize().toString();
  }
}
