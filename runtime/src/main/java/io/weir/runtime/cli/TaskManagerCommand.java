package io.weir.runtime.cli;

import io.weir.runtime.rpc.RpcOptions;
import io.weir.runtime.taskmanager.TaskManager;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code weir taskmanager}: runs a TaskManager that registers with a JobManager, until stopped. */
@Command(name = "taskmanager", mixinStandardHelpOptions = true, description = "Runs a TaskManager.")
final class TaskManagerCommand implements Callable<Integer> {
  static final String STARTED = "TaskManager started: ";

  @Option(names = "--jobmanager", required = true, paramLabel = "HOST:PORT", description = "The JobManager to register with.")
  String jobManager;

  @Option(names = "--slots", description = "Task slots offered (default: ${DEFAULT-VALUE}).")
  int slots = 1;

  @Mixin ClusterOptions cluster;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    int colon = jobManager.lastIndexOf(':');
    int port;
    try {
      port = Integer.parseInt(jobManager.substring(colon + 1));
    } catch (NumberFormatException | IndexOutOfBoundsException e) {
      port = -1;
    }
    if (colon <= 0 || port < 1 || port > 65535) {
      throw new ParameterException(spec.commandLine(), "--jobmanager must be HOST:PORT, got " + jobManager);
    }
    if (slots < 1) {
      throw new ParameterException(spec.commandLine(), "--slots must be at least 1, got " + slots);
    }
    TaskManager taskManager = new TaskManager(jobManager.substring(0, colon), port, slots, cluster.secret(), RpcOptions.DEFAULT);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      taskManager.close();
      stopped.countDown();
    }, "weir-taskmanager-shutdown"));
    System.out.println(STARTED + taskManager.id());
    System.out.flush();
    taskManager.start();
    stopped.await();
    return 0;
  }
}
