package io.weir.runtime.cli;

import io.weir.runtime.client.ClusterClient;
import io.weir.runtime.rpc.JobInfo;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code weir list}: the jobs of a cluster, running and recently ended, oldest first. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the jobs of a running cluster.")
final class ListCommand implements Callable<Integer> {
  @Mixin ClientOptions client;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    try (ClusterClient cluster = client.connect(spec)) {
      List<JobInfo> jobs = cluster.list();
      System.out.println(JobText.header());
      jobs.forEach(job -> System.out.println(JobText.row(job)));
      return 0;
    }
  }
}
