package io.weir.runtime.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A JobManager and TaskManagers as operating-system processes on loopback, plus {@code weir}
 * client commands run as processes. {@link #close()} kills every process it started.
 */
final class ProcessCluster implements AutoCloseable {
  private final Path logs;
  private final List<ClusterProcess> processes = new ArrayList<>();
  private ClusterProcess jobManager;
  private int port;
  private int counter;
  private final List<Integer> dataPorts = new ArrayList<>();

  ProcessCluster(Path logs) {
    this.logs = logs;
  }

  int startJobManager(String... extraArgs) throws IOException, InterruptedException {
    List<String> args = new ArrayList<>(List.of("jobmanager", "--port", "0", "--blob-dir", logs.resolve("jm-blobs").toString()));
    args.addAll(List.of(extraArgs));
    jobManager = start("jobmanager", args.toArray(String[]::new));
    String address = jobManager.awaitLine(JobManagerCommand.LISTENING, 30);
    port = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
    return port;
  }

  int jobManagerPort() {
    return port;
  }

  /** The data-plane ports of the TaskManagers started so far. */
  List<Integer> dataPorts() {
    return List.copyOf(dataPorts);
  }

  String jobManagerAddress() {
    return "127.0.0.1:" + port;
  }

  ClusterProcess jobManager() {
    return jobManager;
  }

  /** A TaskManager with {@code slots} slots; returns once it has printed its id (registration follows shortly). */
  ClusterProcess startTaskManager(int slots) throws IOException, InterruptedException {
    String name = "tm" + (++counter);
    ClusterProcess taskManager = start(name, "taskmanager", "--jobmanager", jobManagerAddress(), "--slots", String.valueOf(slots),
        "--blob-cache", logs.resolve(name + "-jars").toString());
    String dataPlane = taskManager.awaitLine(TaskManagerCommand.DATA_PLANE, 30);
    dataPorts.add(Integer.parseInt(dataPlane.substring(dataPlane.lastIndexOf(':') + 1)));
    taskManager.awaitLine(TaskManagerCommand.STARTED, 30);
    return taskManager;
  }

  /** Waits until {@code count} TaskManagers are registered with the JobManager. */
  void awaitTaskManagers(int count) throws Exception {
    try (io.weir.runtime.rpc.RpcClient client = new io.weir.runtime.rpc.RpcClient(
        io.weir.runtime.rpc.ClusterSecret.NONE, io.weir.runtime.rpc.RpcOptions.DEFAULT)) {
      io.weir.runtime.rpc.RpcConnection connection = client.connect("127.0.0.1", port, (c, m) -> null)
          .get(10, java.util.concurrent.TimeUnit.SECONDS);
      int registered = 0;
      for (int i = 0; i < 600; i++) {
        io.weir.runtime.rpc.Message reply = connection.request(new io.weir.runtime.rpc.Message.ListTaskManagers(),
            java.time.Duration.ofSeconds(5)).get(10, java.util.concurrent.TimeUnit.SECONDS);
        registered = ((io.weir.runtime.rpc.Message.TaskManagerList) reply).taskManagers().size();
        if (registered >= count) {
          connection.close();
          return;
        }
        Thread.sleep(50);
      }
      throw new AssertionError(registered + " of " + count + " TaskManagers registered");
    }
  }

  /** Starts {@code weir COMMAND --jobmanager ADDRESS ARGS...} as a process. */
  ClusterProcess client(String command, String... args) throws IOException {
    List<String> all = new ArrayList<>(List.of(command, "--jobmanager", jobManagerAddress()));
    all.addAll(List.of(args));
    return start(command + (++counter), all.toArray(String[]::new));
  }

  /** Runs a client command to its end: exit code and standard output. */
  Result run(int seconds, String command, String... args) throws IOException, InterruptedException {
    ClusterProcess process = client(command, args);
    int exit = process.waitFor(seconds);
    return new Result(exit, process.output(), process.stderrText());
  }

  record Result(int exitCode, List<String> output, String stderr) {
    String line(String prefix) {
      return output.stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).findFirst()
          .orElseThrow(() -> new AssertionError("no line starting with '" + prefix + "' in " + output + "\nstderr: " + stderr));
    }

    @Override
    public String toString() {
      return "exit " + exitCode + ", output " + output + "\nstderr: " + stderr;
    }
  }

  private ClusterProcess start(String name, String... args) throws IOException {
    ClusterProcess process = ClusterProcess.start(logs, name, args);
    processes.add(process);
    return process;
  }

  @Override
  public void close() throws InterruptedException {
    for (ClusterProcess process : processes) {
      process.close();
    }
  }
}
