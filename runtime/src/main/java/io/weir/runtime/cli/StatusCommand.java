package io.weir.runtime.cli;

import io.weir.runtime.client.ClusterClient;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code weir status JOB_ID}: one job's status, attempt, failure and tasks, and its checkpoints
 * (counts, what the attempt restored, the latest one's location, a row per recent one; see
 * {@link CheckpointText}).
 */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Shows the status of a job and its checkpoints.")
final class StatusCommand implements Callable<Integer> {
  @Mixin ClientOptions client;

  @Parameters(paramLabel = "JOB_ID") String jobId;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    try (ClusterClient cluster = client.connect(spec)) {
      System.out.print(JobText.details(cluster.status(jobId)));
      return 0;
    }
  }
}
