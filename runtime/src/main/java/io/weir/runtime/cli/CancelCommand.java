package io.weir.runtime.cli;

import io.weir.runtime.client.ClusterClient;
import io.weir.runtime.rpc.JobInfo;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code weir cancel JOB_ID}: cancels a job and waits until it has stopped. Exits 0 once it is
 * cancelled (or had already ended).
 */
@Command(name = "cancel", mixinStandardHelpOptions = true, description = "Cancels a job.")
final class CancelCommand implements Callable<Integer> {
  @Mixin ClientOptions client;

  @Parameters(paramLabel = "JOB_ID") String jobId;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    try (ClusterClient cluster = client.connect(spec)) {
      JobInfo now = cluster.cancel(jobId);
      JobInfo end = now.status().isTerminal() ? now : cluster.follow(jobId, job -> {});
      System.out.println(JobText.change(end));
      return 0;
    }
  }
}
