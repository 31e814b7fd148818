package io.weir.runtime.cli;

import io.weir.runtime.jobmanager.JobManager;
import io.weir.runtime.rpc.RpcOptions;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code weir jobmanager}: runs a JobManager until the process is stopped. */
@Command(name = "jobmanager", mixinStandardHelpOptions = true, description = "Runs the JobManager.")
final class JobManagerCommand implements Callable<Integer> {
  /** The line tests and scripts read to learn the actual port (useful with --port 0). */
  static final String LISTENING = "JobManager listening on ";

  @Option(names = "--port", description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port = JobManager.DEFAULT_PORT;

  @Option(names = "--bind", paramLabel = "ADDRESS",
      description = "Address to listen on (default: loopback). Anything else requires a cluster secret.")
  String bind;

  @Option(names = "--blob-dir", paramLabel = "DIR",
      description = "Where uploaded jars are stored (default: a new temporary directory).")
  Path blobDirectory;

  @Option(names = "--slot-timeout", paramLabel = "SECONDS",
      description = "How long a job waits for enough free slots before it fails (default: ${DEFAULT-VALUE}).")
  long slotTimeoutSeconds = JobManager.DEFAULT_SLOT_TIMEOUT.toSeconds();

  @Mixin ClusterOptions cluster;

  @Override
  public Integer call() throws Exception {
    InetAddress address = bind == null ? null : InetAddress.getByName(bind);
    Path blobs = blobDirectory != null ? blobDirectory : Files.createTempDirectory("weir-blobs-");
    if (slotTimeoutSeconds < 1) {
      throw new IllegalArgumentException("--slot-timeout must be at least 1 second, got " + slotTimeoutSeconds);
    }
    JobManager jobManager = JobManager.start(address, port, cluster.secret(), RpcOptions.DEFAULT, blobs,
        java.time.Duration.ofSeconds(slotTimeoutSeconds));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      jobManager.close();
      stopped.countDown();
    }, "weir-jobmanager-shutdown"));
    InetSocketAddress listening = jobManager.address();
    System.out.println(LISTENING + listening.getAddress().getHostAddress() + ":" + listening.getPort());
    System.out.flush();
    stopped.await();
    return 0;
  }
}
