package io.weir.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.runtime.clusterjob.JobJarBuilder;
import io.weir.runtime.clusterjob.Text;
import io.weir.runtime.cluster.WordCountResults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jobs on a cluster of real processes: a JobManager, TaskManagers and {@code weir} client commands,
 * each a JVM started from the runtime's class path (without the test classes: the job reaches the
 * TaskManagers only in the uploaded jar).
 */
@Timeout(120)
class ClusterJobProcessTest {
  @TempDir Path dir;
  private ProcessCluster cluster;
  private Path jar;

  @BeforeEach
  void start() throws Exception {
    cluster = new ProcessCluster(dir);
    jar = JobJarBuilder.build(dir.resolve("wordcount.jar"));
  }

  @AfterEach
  void stop() throws Exception {
    cluster.close();
  }

  private Path output(String name) throws Exception {
    return Files.createDirectories(dir.resolve(name));
  }

  @Test
  void attachedSubmitRunsWordCountAtParallelismFourWithExactCounts() throws Exception {
    cluster.startJobManager();
    // two TaskManagers of two slots: the scheduler spreads the four subtasks of each task over both,
    // so records cross between processes over the data plane
    cluster.startTaskManager(2);
    cluster.startTaskManager(2);
    Path output = output("out");
    ProcessCluster.Result submit = cluster.run(90, "submit", "--parallelism", "4", jar.toString(),
        "--", "--lines", "30000", "--output", output.toString());
    assertEquals(0, submit.exitCode(), submit.toString());
    String jobId = submit.line(SubmitCommand.SUBMITTED);
    assertTrue(submit.output().stream().anyMatch(l -> l.contains(jobId) && l.endsWith(": RUNNING")), submit.toString());
    assertTrue(submit.output().get(submit.output().size() - 1).endsWith(": FINISHED"), submit.toString());
    WordCountResults.assertExact(Text.oracle(30000), output, 4);
  }

  @Test
  void detachedSubmitThenStatusAndList() throws Exception {
    cluster.startJobManager();
    cluster.startTaskManager(1);
    cluster.startTaskManager(1);
    Path output = output("out");
    ProcessCluster.Result submit = cluster.run(60, "submit", "--detached", "--parallelism", "2", jar.toString(),
        "--", "--lines", "5000", "--output", output.toString());
    assertEquals(0, submit.exitCode(), submit.toString());
    String jobId = submit.line(SubmitCommand.SUBMITTED);
    String status = "";
    for (int i = 0; i < 60 && !status.equals("FINISHED"); i++) {
      ProcessCluster.Result result = cluster.run(30, "status", jobId);
      assertEquals(0, result.exitCode(), result.toString());
      status = result.line("Status:    ");
      if (!status.equals("FINISHED")) {
        Thread.sleep(500);
      }
    }
    assertEquals("FINISHED", status);
    WordCountResults.assertExact(Text.oracle(5000), output, 2);
    ProcessCluster.Result list = cluster.run(30, "list");
    assertTrue(list.output().stream().anyMatch(l -> l.startsWith(jobId) && l.contains("FINISHED")), list.toString());
    ProcessCluster.Result unknown = cluster.run(30, "status", "no-such-job");
    assertEquals(1, unknown.exitCode(), unknown.toString());
    assertTrue(unknown.stderr().contains("no job no-such-job"), unknown.toString());
  }

  @Test
  void cancelStopsAnAttachedEndlessJobWhichExitsWithThree() throws Exception {
    cluster.startJobManager();
    cluster.startTaskManager(1);
    cluster.startTaskManager(1);
    ClusterProcess attached = cluster.client("submit", "--parallelism", "2", jar.toString(), "--", "--lines", "-1",
        "--throttle", "10");
    String jobId = attached.awaitLine(SubmitCommand.SUBMITTED, 60);
    attached.awaitLine("Job " + jobId + " (cluster-wordcount): RUNNING", 60);
    ProcessCluster.Result cancel = cluster.run(60, "cancel", jobId);
    assertEquals(0, cancel.exitCode(), cancel.toString());
    assertTrue(cancel.output().get(0).endsWith("CANCELED"), cancel.toString());
    assertEquals(JobText.EXIT_CANCELED, attached.waitFor(30));
  }

  @Test
  void twoJobsRunAtOnce() throws Exception {
    cluster.startJobManager();
    cluster.startTaskManager(4);
    cluster.startTaskManager(4);
    cluster.awaitTaskManagers(2);
    // an endless job holds four of the eight slots while a bounded one runs beside it to its end
    ClusterProcess endless = cluster.client("submit", "--parallelism", "4", jar.toString(), "--", "--lines", "-1",
        "--throttle", "10");
    String endlessId = endless.awaitLine(SubmitCommand.SUBMITTED, 60);
    endless.awaitLine("Job " + endlessId + " (cluster-wordcount): RUNNING", 60);
    Path output = output("bounded");
    ProcessCluster.Result bounded = cluster.run(90, "submit", "--parallelism", "4", jar.toString(), "--", "--lines", "20000",
        "--output", output.toString());
    assertEquals(0, bounded.exitCode(), bounded.toString());
    WordCountResults.assertExact(Text.oracle(20000), output, 4);
    String boundedId = bounded.line(SubmitCommand.SUBMITTED);
    ProcessCluster.Result list = cluster.run(30, "list");
    assertTrue(list.output().stream().anyMatch(l -> l.startsWith(endlessId) && l.contains("RUNNING")), list.toString());
    assertTrue(list.output().stream().anyMatch(l -> l.startsWith(boundedId) && l.contains("FINISHED")), list.toString());
    assertEquals(0, cluster.run(60, "cancel", endlessId).exitCode());
    assertEquals(JobText.EXIT_CANCELED, endless.waitFor(30));
  }

  @Test
  void garbageAndOversizedFramesToEveryPortLeaveTheClusterWorking() throws Exception {
    cluster.startJobManager();
    cluster.startTaskManager(1);
    cluster.startTaskManager(1);
    List<Integer> ports = new java.util.ArrayList<>(cluster.dataPorts());
    ports.add(cluster.jobManagerPort());
    List<byte[]> abuse = List.of("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
        new byte[] {0x7f, -1, -1, -1, 1, 2, 3}, new byte[] {0, 0, 0, 5, 'W', 'E', 'I', 'R', 99});
    for (int port : ports) {
      for (byte[] bytes : abuse) {
        try (java.net.Socket socket = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), port)) {
          socket.setSoTimeout(5000);
          socket.getOutputStream().write(bytes);
          byte[] sink = new byte[256];
          for (int n, total = 0; total < 10_000 && (n = socket.getInputStream().read(sink)) != -1; total += n) {
            // read until the process closes the connection
          }
        } catch (java.net.SocketException reset) {
          // a reset is a close too
        }
      }
    }
    // every process still serves: a job across both TaskManagers runs to its exact end
    Path output = output("out");
    ProcessCluster.Result submit = cluster.run(90, "submit", "--parallelism", "2", jar.toString(),
        "--", "--lines", "3000", "--output", output.toString());
    assertEquals(0, submit.exitCode(), submit.toString());
    WordCountResults.assertExact(Text.oracle(3000), output, 2);
  }

  @Test
  void dependencyJarsTravelWithTheJob() throws Exception {
    cluster.startJobManager();
    cluster.startTaskManager(1);
    cluster.startTaskManager(1);
    // the record type and its serializer live in a library jar of their own
    java.util.function.Predicate<String> library = name -> name.startsWith("WordCount");
    Path jobOnly = JobJarBuilder.build(dir.resolve("job-only.jar"), library.negate(), true);
    Path dependency = JobJarBuilder.build(dir.resolve("records.jar"), library, false);
    ProcessCluster.Result without = cluster.run(60, "submit", "--parallelism", "2", jobOnly.toString(), "--", "--lines", "10");
    assertEquals(1, without.exitCode(), without.toString());
    assertTrue(without.stderr().contains("WordCount"), "names the missing class: " + without);
    Path output = output("out");
    ProcessCluster.Result with = cluster.run(90, "submit", "--parallelism", "2", "--dependency", dependency.toString(),
        jobOnly.toString(), "--", "--lines", "3000", "--output", output.toString());
    assertEquals(0, with.exitCode(), with.toString());
    WordCountResults.assertExact(Text.oracle(3000), output, 2);
  }
}
