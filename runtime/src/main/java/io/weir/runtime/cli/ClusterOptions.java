package io.weir.runtime.cli;

import io.weir.runtime.rpc.ClusterSecret;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every cluster command shares. */
final class ClusterOptions {
  @Option(names = "--secret-file", paramLabel = "FILE",
      description = "File holding the cluster secret (default: the WEIR_CLUSTER_SECRET environment variable, else none: loopback only).")
  Path secretFile;

  @Option(names = "--config", paramLabel = "FILE",
      description = "Properties file with defaults for these options (default: $WEIR_CONF); flags win.")
  Path config;

  ClusterSecret secret() throws IOException {
    return ClusterSecret.resolve(secretFile);
  }
}
