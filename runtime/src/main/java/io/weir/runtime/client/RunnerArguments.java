package io.weir.runtime.client;

import io.weir.runtime.checkpoint.CheckpointConfig;
import io.weir.runtime.checkpoint.CheckpointingMode;
import io.weir.runtime.cli.DurationConverter;
import io.weir.runtime.local.StateBackends;
import io.weir.runtime.rpc.RestartStrategy;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The runner's command line: {@code [--job NAME] [--parallelism N] [--vertex-parallelism NAME=N]...
 * [--progress-interval MS] [--state-backend heap|rocksdb] [--checkpoint-interval DURATION] [--checkpoint-dir DIR]
 * [--checkpointing-mode exactly-once|at-least-once] [--unaligned] [--from-savepoint PATH]
 * [--allow-non-restored-state] [--restart STRATEGY] [--] PROGRAM_ARGS...}. Options are read from the front; {@code --} or the
 * first argument that is not one of these starts the program arguments, which go to the job untouched.
 *
 * @param job the job to run, or null for the only one
 * @param parallelism default parallelism override, 0 for the job's own
 * @param vertexParallelism per-vertex parallelism overrides by vertex name, in the order given
 * @param progressIntervalMillis interval of progress lines; 0 prints none (the summary still)
 * @param stateBackend the state backend overriding the job's own, or null to keep the job's
 * @param checkpoint how the job checkpoints, or null when it takes no checkpoints
 * @param fromSavepoint the checkpoint or savepoint (directory or metadata file) to resume from, or null
 * @param allowNonRestoredState skip state of vertices the job no longer has when resuming
 * @param restart what the job does when a subtask fails (text form as {@code weir submit --restart});
 *     {@link RestartStrategy#NONE} unless given
 */
record RunnerArguments(
    String job, int parallelism, Map<String, Integer> vertexParallelism, long progressIntervalMillis,
    String stateBackend, List<String> programArgs, CheckpointConfig checkpoint, String fromSavepoint,
    boolean allowNonRestoredState, RestartStrategy restart) {

  static final String USAGE =
      "usage: LocalJobRunner [--job NAME] [--parallelism N] [--vertex-parallelism NAME=N]... [--progress-interval MS]"
          + " [--state-backend " + String.join("|", StateBackends.NAMES) + "] [--checkpoint-interval DURATION]"
          + " [--checkpoint-dir DIR] [--checkpointing-mode exactly-once|at-least-once] [--unaligned]"
          + " [--from-savepoint PATH] [--allow-non-restored-state] [--restart none|fixed-delay:ATTEMPTS:DELAY_MS|"
          + "exponential:ATTEMPTS:INITIAL_MS:MAX_MS:MULTIPLIER] [--] PROGRAM_ARGS...";

  /** The arguments without checkpoint options. */
  RunnerArguments(String job, int parallelism, Map<String, Integer> vertexParallelism, long progressIntervalMillis,
      String stateBackend, List<String> programArgs) {
    this(job, parallelism, vertexParallelism, progressIntervalMillis, stateBackend, programArgs, null, null, false,
        RestartStrategy.NONE);
  }

  /** Thrown for a command line that cannot be run. */
  static final class UsageException extends Exception {
    UsageException(String message) {
      super(message);
    }
  }

  static RunnerArguments parse(String[] args) throws UsageException {
    String job = null;
    int parallelism = 0;
    Map<String, Integer> vertexParallelism = new LinkedHashMap<>();
    long interval = 1000;
    String stateBackend = null;
    Duration checkpointInterval = Duration.ZERO;
    String checkpointDir = null;
    CheckpointingMode mode = null;
    boolean unaligned = false;
    String fromSavepoint = null;
    boolean allowNonRestored = false;
    RestartStrategy restart = RestartStrategy.NONE;
    int i = 0;
    while (i < args.length) {
      String arg = args[i];
      if (arg.equals("--")) {
        i++;
        break;
      }
      if (arg.equals("--unaligned")) {
        unaligned = true;
        i++;
        continue;
      }
      if (arg.equals("--allow-non-restored-state")) {
        allowNonRestored = true;
        i++;
        continue;
      }
      if (arg.equals("--checkpoint-interval")) {
        checkpointInterval = positiveDuration(args, i);
      } else if (arg.equals("--checkpoint-dir")) {
        checkpointDir = value(args, i);
      } else if (arg.equals("--checkpointing-mode")) {
        mode = mode(args, i);
      } else if (arg.equals("--restart")) {
        restart = restartStrategy(args, i);
      } else if (arg.equals("--from-savepoint")) {
        fromSavepoint = value(args, i);
      } else if (arg.equals("--job")) {
        job = value(args, i);
      } else if (arg.equals("--parallelism")) {
        parallelism = number(args, i, 1, Integer.MAX_VALUE);
      } else if (arg.equals("--vertex-parallelism")) {
        vertexParallelism(args, i, vertexParallelism);
      } else if (arg.equals("--progress-interval")) {
        interval = number(args, i, 0, Integer.MAX_VALUE);
      } else if (arg.equals("--state-backend")) {
        stateBackend = stateBackend(args, i);
      } else {
        break;
      }
      i += 2;
    }
    CheckpointConfig checkpoint = checkpointConfig(checkpointInterval, checkpointDir, mode, unaligned);
    if (allowNonRestored && fromSavepoint == null) {
      throw new UsageException("--allow-non-restored-state needs --from-savepoint");
    }
    return new RunnerArguments(
        job, parallelism, Map.copyOf(vertexParallelism), interval, stateBackend,
        List.copyOf(Arrays.asList(args).subList(i, args.length)), checkpoint, fromSavepoint, allowNonRestored, restart);
  }

  /** Periodic checkpoints when an interval is given; the other checkpoint options only refine them. */
  private static CheckpointConfig checkpointConfig(Duration interval, String directory, CheckpointingMode mode,
      boolean unaligned) throws UsageException {
    if (interval.isZero()) {
      if (directory != null || mode != null || unaligned) {
        throw new UsageException("--checkpoint-dir, --checkpointing-mode and --unaligned need --checkpoint-interval");
      }
      return null;
    }
    if (unaligned && mode == CheckpointingMode.AT_LEAST_ONCE) {
      throw new UsageException("--unaligned checkpoints exist only in exactly-once mode");
    }
    return CheckpointConfig.every(interval, directory == null ? "" : directory)
        .withMode(mode == null ? CheckpointingMode.EXACTLY_ONCE : mode).withUnaligned(unaligned);
  }

  private static CheckpointingMode mode(String[] args, int i) throws UsageException {
    String text = value(args, i);
    return switch (text) {
      case "exactly-once" -> CheckpointingMode.EXACTLY_ONCE;
      case "at-least-once" -> CheckpointingMode.AT_LEAST_ONCE;
      default -> throw new UsageException(args[i] + " must be exactly-once or at-least-once, got '" + text + "'");
    };
  }

  /** Reads {@code NAME=N} (or several, comma-separated) into {@code into}. */
  private static void vertexParallelism(String[] args, int i, Map<String, Integer> into) throws UsageException {
    for (String entry : value(args, i).split(",")) {
      int eq = entry.lastIndexOf('=');
      if (eq <= 0 || eq == entry.length() - 1) {
        throw new UsageException(args[i] + " expects NAME=N, got '" + entry + "'");
      }
      String name = entry.substring(0, eq).trim();
      String count = entry.substring(eq + 1).trim();
      try {
        int n = Integer.parseInt(count);
        if (n < 1) {
          throw new UsageException(args[i] + " must be at least 1 for " + name + ", got " + n);
        }
        into.put(name, n);
      } catch (NumberFormatException e) {
        throw new UsageException(args[i] + " expects a whole number for " + name + ", got '" + count + "'");
      }
    }
  }

  private static String stateBackend(String[] args, int i) throws UsageException {
    String name = value(args, i);
    if (!StateBackends.isKnown(name)) {
      throw new UsageException(args[i] + " must be one of " + String.join(", ", StateBackends.NAMES) + ", got '" + name + "'");
    }
    return name;
  }

  private static String value(String[] args, int i) throws UsageException {
    if (i + 1 >= args.length) {
      throw new UsageException(args[i] + " needs a value");
    }
    return args[i + 1];
  }

  private static RestartStrategy restartStrategy(String[] args, int i) throws UsageException {
    try {
      return RestartStrategy.parse(value(args, i));
    } catch (IllegalArgumentException e) {
      throw new UsageException(args[i] + ": " + e.getMessage());
    }
  }

  /** A duration as {@code weir submit} reads it ({@code 500ms}, {@code 10s}, {@code 1m}; a bare number is ms). */
  private static Duration positiveDuration(String[] args, int i) throws UsageException {
    String text = value(args, i);
    Duration d;
    try {
      d = DurationConverter.parse(text);
    } catch (IllegalArgumentException e) {
      throw new UsageException(args[i] + ": " + e.getMessage());
    }
    if (d.isZero()) {
      throw new UsageException(args[i] + " must be positive, got '" + text + "'");
    }
    return d;
  }

  private static int number(String[] args, int i, int min, int max) throws UsageException {
    String text = value(args, i);
    try {
      int n = Integer.parseInt(text.trim());
      if (n < min || n > max) {
        throw new UsageException(args[i] + " must be at least " + min + ", got " + n);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new UsageException(args[i] + " expects a whole number, got '" + text + "'");
    }
  }
}
