package io.weir.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.runtime.cluster.WordCountResults;
import io.weir.runtime.clusterjob.JobJarBuilder;
import io.weir.runtime.clusterjob.Text;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A TaskManager killed during a job, and a slow sink, on a cluster of real processes. */
@Timeout(150)
class FailoverProcessTest {
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

  @Test
  void aTaskManagerKilledMidJobIsReplacedAndTheRestartedJobCountsExactly() throws Exception {
    cluster.startJobManager();
    // three TaskManagers of two slots: the four subtasks of each task spread over all three (2 + 1 + 1),
    // and once one is gone the other two still have the four slots the job needs
    cluster.startTaskManager(2);
    ClusterProcess victim = cluster.startTaskManager(2);
    cluster.startTaskManager(2);
    cluster.awaitTaskManagers(3);
    Path output = Files.createDirectories(dir.resolve("out"));
    ClusterProcess attached = cluster.client("submit", "--parallelism", "4", "--restart", "fixed-delay:3:200", jar.toString(),
        "--", "--lines", "40000", "--throttle", "10", "--output", output.toString());
    String jobId = attached.awaitLine(SubmitCommand.SUBMITTED, 60);
    attached.awaitLine("Job " + jobId + " (cluster-wordcount): RUNNING", 60);
    Thread.sleep(1000); // well into the first attempt
    victim.kill(); // SIGKILL
    assertEquals(0, attached.waitFor(120), "the restarted job finishes");
    List<String> lines = attached.output();
    // the first cause the JobManager hears of: the lost connection, or a subtask whose remote channel to it broke
    assertTrue(lines.stream().anyMatch(l -> l.contains(": RESTARTING")), lines.toString());
    assertTrue(lines.get(lines.size() - 1).endsWith(": FINISHED (attempt 2)"), lines.toString());
    WordCountResults.assertExact(Text.oracle(40000), output, 4);
    assertTrue(cluster.jobManager().isAlive());
  }

  @Test
  void withoutRestartsALostTaskManagerFailsTheJobWithTheCause() throws Exception {
    cluster.startJobManager();
    ClusterProcess victim = cluster.startTaskManager(2);
    cluster.awaitTaskManagers(1);
    ClusterProcess attached = cluster.client("submit", "--parallelism", "2", "--restart", "none", jar.toString(),
        "--", "--lines", "-1", "--throttle", "10");
    String jobId = attached.awaitLine(SubmitCommand.SUBMITTED, 60);
    attached.awaitLine("Job " + jobId + " (cluster-wordcount): RUNNING", 60);
    victim.kill();
    assertEquals(JobText.EXIT_FAILED, attached.waitFor(60));
    String last = attached.output().get(attached.output().size() - 1);
    assertTrue(last.contains(": FAILED - TaskManager tm-") && last.contains("was lost"), last);
  }

  @Test
  void aSlowSinkBackpressuresItsProducersWithinTheirBuffers() throws Exception {
    cluster.startJobManager();
    cluster.startTaskManager(1);
    cluster.startTaskManager(1);
    Path output = Files.createDirectories(dir.resolve("out"));
    ProcessCluster.Result submit = cluster.run(120, "submit", "--parallelism", "2", jar.toString(),
        "--", "--lines", "20000", "--sink-sleep-every", "10", "--output", output.toString());
    assertEquals(0, submit.exitCode(), submit.toString());
    WordCountResults.assertExact(Text.oracle(20000), output, 2);
    ProcessCluster.Result status = cluster.run(30, "status", submit.line(SubmitCommand.SUBMITTED));
    Pattern row = Pattern.compile("^(.+?)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)/(\\d+)\\s+(\\d+)$");
    boolean sawSource = false;
    for (String line : status.output()) {
      Matcher m = row.matcher(line);
      if (m.matches() && m.group(1).startsWith("Lines")) {
        sawSource = true;
        int maxInUse = Integer.parseInt(m.group(5));
        int capacity = Integer.parseInt(m.group(6));
        long waits = Long.parseLong(m.group(7));
        assertTrue(capacity > 0 && maxInUse <= capacity, line);
        assertTrue(waits > 0, "the source never waited for a buffer: " + line);
      }
    }
    assertTrue(sawSource, status.toString());
  }
}
