package io.weir.runtime.cluster;

import io.weir.runtime.client.ClusterClient;
import io.weir.runtime.clusterjob.JobJarBuilder;
import io.weir.runtime.jobmanager.JobManager;
import io.weir.runtime.rpc.ClusterSecret;
import io.weir.runtime.rpc.RpcOptions;
import io.weir.runtime.taskmanager.TaskManager;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A JobManager, one TaskManager with 4 slots (enough for every test job, so all channels are
 * local) and a client, in this JVM over loopback RPC, plus the test job's jar. Closing stops all.
 */
final class InProcessCluster implements AutoCloseable {
  final JobManager jobManager;
  final TaskManager taskManager;
  final ClusterClient client;
  final Path jar;

  /** @param slotTimeout how long a job waits for slots before it fails */
  InProcessCluster(Path dir, Duration slotTimeout) throws Exception {
    jobManager = JobManager.start(null, 0, ClusterSecret.NONE, RpcOptions.DEFAULT, dir.resolve("blobs"), slotTimeout);
    TaskManager tm = null;
    ClusterClient c = null;
    try {
      int port = jobManager.address().getPort();
      tm = new TaskManager("127.0.0.1", port, 4, ClusterSecret.NONE, RpcOptions.DEFAULT);
      tm.start().get(10, TimeUnit.SECONDS);
      c = ClusterClient.connect("127.0.0.1", port, ClusterSecret.NONE);
      jar = JobJarBuilder.build(dir.resolve("job.jar"));
    } catch (Exception | Error e) {
      closeQuietly(c, tm, jobManager);
      throw e;
    }
    taskManager = tm;
    client = c;
  }

  @Override
  public void close() {
    closeQuietly(client, taskManager, jobManager);
  }

  private static void closeQuietly(ClusterClient client, TaskManager taskManager, JobManager jobManager) {
    if (client != null) {
      client.close();
    }
    if (taskManager != null) {
      taskManager.close();
    }
    jobManager.close();
  }
}
