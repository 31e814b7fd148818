package io.weir.runtime.cli;

import io.weir.runtime.client.ClusterClient;
import io.weir.runtime.client.SubmitOptions;
import io.weir.runtime.rpc.JobInfo;
import io.weir.runtime.rpc.RestartStrategy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code weir submit [options] JAR [JOB] [-- ARGS]}: uploads the job jar (and dependencies) and
 * runs the job. Attached (the default) it prints every status change and exits with 0 when the job
 * finished, 1 when it failed, 3 when it was cancelled; {@code --detached} prints the job id and
 * returns at once. With {@code --checkpoint-interval} the job checkpoints periodically (and restarts
 * from its latest checkpoint); {@code --from-savepoint} starts it from a savepoint. Attached, a
 * line {@code Restored from checkpoint N: PATH} precedes the status of an attempt that restored.
 */
@Command(name = "submit", mixinStandardHelpOptions = true, description = "Submits a job to a running cluster.")
final class SubmitCommand implements Callable<Integer> {
  /** The line that carries the new job's id. */
  static final String SUBMITTED = "Job submitted: ";

  @Mixin ClientOptions client;

  @Option(names = "--detached", description = "Return once the job is submitted instead of following it.")
  boolean detached;

  @Option(names = "--parallelism", paramLabel = "N", description = "Default parallelism, replacing the job's own.")
  int parallelism;

  @Option(names = "--vertex-parallelism", paramLabel = "NAME=N", description = "Parallelism of one vertex (repeatable).")
  Map<String, Integer> vertexParallelism = new LinkedHashMap<>();

  @Option(names = "--restart", paramLabel = "STRATEGY",
      description = "none, fixed-delay:ATTEMPTS:DELAY_MS or exponential:ATTEMPTS:INITIAL_MS:MAX_MS:MULTIPLIER (default: "
          + "fixed-delay:3:1000).")
  String restart;

  @Option(names = "--state-backend", paramLabel = "NAME", description = "heap or rocksdb, replacing the job's own.")
  String stateBackend;

  @Mixin CheckpointFlags checkpoints;

  @Option(names = "--dependency", paramLabel = "JAR", description = "A jar the job needs besides its own (repeatable).")
  List<Path> dependencies = new ArrayList<>();

  @Parameters(paramLabel = "JAR [JOB] [-- ARGS]", description = "The job jar, the job (if it holds several), then the job's arguments after --.")
  List<String> positional = new ArrayList<>();

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    List<String> original = spec.commandLine().getParseResult().originalArgs();
    int separator = original.indexOf("--");
    int argumentCount = separator < 0 ? 0 : original.size() - separator - 1;
    List<String> before = positional.subList(0, positional.size() - argumentCount);
    List<String> arguments = positional.subList(positional.size() - argumentCount, positional.size());
    if (before.isEmpty() || before.size() > 2) {
      throw new ParameterException(spec.commandLine(), "expected JAR [JOB] before --, got " + before);
    }
    Path jar = Path.of(before.get(0));
    if (!Files.isRegularFile(jar)) {
      throw new ParameterException(spec.commandLine(), "no jar at " + jar);
    }
    SubmitOptions options = SubmitOptions.defaults().job(before.size() == 2 ? before.get(1) : "")
        .parallelism(parallelism).arguments(arguments);
    vertexParallelism.forEach(options::parallelism);
    if (restart != null) {
      options.restart(RestartStrategy.parse(restart));
    }
    if (stateBackend != null) {
      options.stateBackend(stateBackend);
    }
    checkpoints.applyTo(options, spec);
    List<Path> jars = new ArrayList<>();
    jars.add(jar);
    jars.addAll(dependencies);
    try (ClusterClient cluster = client.connect(spec)) {
      String jobId = cluster.submit(jars, options);
      System.out.println(SUBMITTED + jobId);
      System.out.flush();
      if (detached) {
        return 0;
      }
      int[] restoreShownFor = {-1}; // the attempt whose restore was printed
      JobInfo end = cluster.follow(jobId, job -> {
        if (job.checkpoints().restoredCheckpointId() > 0 && job.attempt() != restoreShownFor[0]) {
          restoreShownFor[0] = job.attempt();
          System.out.println(JobText.restored(job));
        }
        System.out.println(JobText.change(job));
        System.out.flush();
      });
      return JobText.exitCode(end.status());
    }
  }
}
