package io.weir.runtime.cli;

import io.weir.runtime.rpc.ClusterSecret;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every cluster process shares. */
final class ClusterOptions {
  @Option(names = "--secret-file", paramLabel = "FILE",
      description = "File holding the cluster secret (default: the WEIR_CLUSTER_SECRET environment variable, else none: loopback only).")
  Path secretFile;

  ClusterSecret secret() throws IOException {
    return ClusterSecret.resolve(secretFile);
  }
}
