package io.weir.runtime.exactlyonce;

import io.weir.runtime.client.ClusterClient;
import io.weir.runtime.rpc.ClusterSecret;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A JobManager and TaskManagers as processes on loopback that a test kills and replaces. Every
 * process it started is killed by {@link #close()}; logs stay in the test's directory.
 */
final class ChaosCluster implements AutoCloseable {
  // the lines the commands print (JobManagerCommand.LISTENING, TaskManagerCommand.STARTED)
  private static final String LISTENING = "JobManager listening on ";
  private static final String TASK_MANAGER_STARTED = "TaskManager started: ";

  private final Path logs;
  private final List<WeirProcess> all = new ArrayList<>();
  private final List<WeirProcess> taskManagers = new ArrayList<>();
  private int port;
  private int started;

  ChaosCluster(Path logs) {
    this.logs = logs;
  }

  void startJobManager(Deadline deadline, String... extraArgs) throws Exception {
    List<String> args = new ArrayList<>(List.of("jobmanager", "--port", "0", "--blob-dir", logs.resolve("jm-blobs").toString()));
    args.addAll(List.of(extraArgs));
    WeirProcess jobManager = start("jobmanager", args);
    String address = jobManager.awaitLine(LISTENING, deadline);
    port = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1).trim());
  }

  String jobManagerAddress() {
    return "127.0.0.1:" + port;
  }

  /** Starts a TaskManager and waits until it says it started (registration follows at once). */
  WeirProcess startTaskManager(int slots, Deadline deadline) throws Exception {
    String name = "tm" + (++started);
    WeirProcess taskManager = start(name, List.of("taskmanager", "--jobmanager", jobManagerAddress(), "--slots",
        String.valueOf(slots), "--blob-cache", logs.resolve(name + "-jars").toString()));
    taskManager.awaitLine(TASK_MANAGER_STARTED, deadline);
    taskManagers.add(taskManager);
    return taskManager;
  }

  /** The TaskManagers started and not killed. */
  List<WeirProcess> liveTaskManagers() {
    return taskManagers.stream().filter(WeirProcess::isAlive).toList();
  }

  /** An in-process client of the JobManager (the same code {@code weir} commands use). */
  ClusterClient client() throws IOException, InterruptedException {
    return ClusterClient.connect("127.0.0.1", port, ClusterSecret.NONE);
  }

  /** The last lines of every process's standard error, for a failure message. */
  String logTails() throws IOException {
    StringBuilder text = new StringBuilder();
    for (WeirProcess process : all) {
      text.append("\n----- ").append(process.name).append(process.isAlive() ? "" : " (dead)").append(" stderr:\n")
          .append(process.stderrTail());
    }
    return text.toString();
  }

  private WeirProcess start(String name, List<String> args) throws IOException {
    WeirProcess process = WeirProcess.start(logs, name, args);
    all.add(process);
    return process;
  }

  @Override
  public void close() throws InterruptedException {
    for (WeirProcess process : all) {
      process.close();
    }
  }
}
