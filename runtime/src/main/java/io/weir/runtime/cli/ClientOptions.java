package io.weir.runtime.cli;

import io.weir.runtime.client.ClusterClient;
import java.io.IOException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** Options of the commands that talk to a running JobManager. */
final class ClientOptions {
  @Option(names = "--jobmanager", paramLabel = "HOST:PORT", description = "The JobManager (default: ${DEFAULT-VALUE}).",
      defaultValue = "127.0.0.1:6123")
  String jobManager;

  @Mixin ClusterOptions cluster;

  ClusterClient connect(CommandSpec spec) throws IOException, InterruptedException {
    HostPort address = HostPort.parse(jobManager, "--jobmanager", spec);
    return ClusterClient.connect(address.host(), address.port(), cluster.secret());
  }
}
