package io.weir.runtime.cli;

import io.weir.runtime.client.ClusterClient;
import io.weir.runtime.rpc.JobInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code weir cancel [--savepoint [DIR]] JOB_ID}: cancels a job and waits until it has stopped.
 * With {@code --savepoint} it first takes a savepoint (into DIR, else {@code --savepoint-dir} or
 * configuration key {@code savepoint.dir}), prints its directory, and cancels only once it is
 * complete; if no savepoint can be taken the job keeps running and the command exits 1. Exits 0
 * once the job is cancelled (or had already ended).
 */
@Command(name = "cancel", mixinStandardHelpOptions = true, description = "Cancels a job, optionally after a savepoint.")
final class CancelCommand implements Callable<Integer> {
  @Mixin ClientOptions client;

  @Option(names = "--savepoint", description = "Take a savepoint first (into DIR when given before JOB_ID); print its directory.")
  boolean savepoint;

  @Option(names = "--savepoint-dir", paramLabel = "DIR",
      description = "Where the savepoint goes when DIR is not given (configuration key savepoint.dir).")
  String defaultDirectory;

  @Parameters(arity = "1..2", paramLabel = "[DIR] JOB_ID", hideParamSyntax = true,
      description = "The savepoint directory (with --savepoint), then the job.")
  List<String> positional = new ArrayList<>();

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (positional.size() == 2 && !savepoint) {
      throw new ParameterException(spec.commandLine(), "a directory before JOB_ID needs --savepoint");
    }
    String jobId = positional.get(positional.size() - 1);
    String target = savepoint
        ? SavepointCommand.targetDirectory(positional.size() == 2 ? positional.get(0) : null, defaultDirectory, spec)
        : null;
    try (ClusterClient cluster = client.connect(spec)) {
      if (savepoint) {
        System.out.println(cluster.savepoint(jobId, target, true)); // the JobManager cancels once it is complete
        System.out.flush();
      }
      JobInfo now = savepoint ? cluster.status(jobId) : cluster.cancel(jobId);
      JobInfo end = now.status().isTerminal() ? now : cluster.follow(jobId, job -> {});
      System.out.println(JobText.change(end));
      return 0;
    }
  }
}
