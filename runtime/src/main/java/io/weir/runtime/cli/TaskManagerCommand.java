package io.weir.runtime.cli;

import io.weir.runtime.rpc.RpcOptions;
import io.weir.runtime.network.remote.DataPlane;
import io.weir.runtime.network.remote.DataPlaneOptions;
import io.weir.runtime.taskmanager.NettyDataPlane;
import java.net.InetAddress;
import io.weir.runtime.taskmanager.TaskManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code weir taskmanager}: runs a TaskManager that registers with a JobManager, until stopped. */
@Command(name = "taskmanager", mixinStandardHelpOptions = true, description = "Runs a TaskManager.")
final class TaskManagerCommand implements Callable<Integer> {
  static final String STARTED = "TaskManager started: ";
  /** The line that tells the data plane's actual port (useful with --data-port 0). */
  static final String DATA_PLANE = "TaskManager data plane listening on ";

  @Option(names = "--jobmanager", paramLabel = "HOST:PORT", description = "The JobManager to register with (required).")
  String jobManager;

  @Option(names = "--slots", description = "Task slots offered (default: ${DEFAULT-VALUE}).")
  int slots = 1;

  @Option(names = "--host", description = "The address other TaskManagers reach this one at (default: ${DEFAULT-VALUE}).")
  String host = "127.0.0.1";

  @Option(names = "--data-port", description = "Port of the data plane, where other TaskManagers send records; 0 picks a free one "
      + "(default: ${DEFAULT-VALUE}).")
  int dataPort;

  @Option(names = "--blob-cache", paramLabel = "DIR", description = "Where fetched job jars are cached (default: a new temporary directory).")
  Path blobCache;

  @Mixin ClusterOptions cluster;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    HostPort address = HostPort.parse(jobManager, "--jobmanager", spec);
    if (slots < 1) {
      throw new ParameterException(spec.commandLine(), "--slots must be at least 1, got " + slots);
    }
    Path cache = blobCache != null ? blobCache : Files.createTempDirectory("weir-tm-jars-");
    String id = TaskManager.newId();
    InetAddress bind = InetAddress.getByName(host);
    DataPlane dataPlane = DataPlane.start(id, bind.isLoopbackAddress() ? null : bind, dataPort, cluster.secret(),
        DataPlaneOptions.DEFAULT);
    TaskManager taskManager = new TaskManager(id, address.host(), address.port(), slots, cluster.secret(), RpcOptions.DEFAULT,
        new NettyDataPlane(dataPlane), cache, host);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      taskManager.close();
      stopped.countDown();
    }, "weir-taskmanager-shutdown"));
    System.out.println(DATA_PLANE + dataPlane.address().getAddress().getHostAddress() + ":" + dataPlane.address().getPort());
    System.out.println(STARTED + taskManager.id());
    System.out.flush();
    taskManager.start();
    stopped.await();
    return 0;
  }
}
