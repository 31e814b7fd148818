package io.weir.runtime.jobmanager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.runtime.blob.BlobKey;
import io.weir.runtime.client.JarUploader;
import io.weir.runtime.plan.JobPlanProvider;
import io.weir.runtime.rpc.ClusterSecret;
import io.weir.runtime.rpc.JobInfo;
import io.weir.runtime.rpc.JobSubmission;
import io.weir.runtime.rpc.Message;
import io.weir.runtime.rpc.RestartStrategy;
import io.weir.runtime.rpc.RpcClient;
import io.weir.runtime.rpc.RpcConnection;
import io.weir.runtime.rpc.RpcOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job whose plan takes long to load must not hold up the JobManager's event loops: other
 * clients' requests are answered and heartbeats keep flowing while it loads, and its submitter
 * gets the answer (job id or error) once loading ends.
 */
@Timeout(60)
class SlowJobLoadTest {
  /** Short heartbeats: a connection whose event loop stalls is given up within 400 ms. */
  private static final RpcOptions FAST_HEARTBEATS = RpcOptions.DEFAULT.withHeartbeats(Duration.ofMillis(100), Duration.ofMillis(400));

  @TempDir Path blobs;
  @TempDir Path work;

  private JobManager jobManager;
  private RpcClient client;

  @BeforeEach
  void start() throws Exception {
    BlockingPlanProvider.reset();
    jobManager = JobManager.start(null, 0, ClusterSecret.NONE, FAST_HEARTBEATS, blobs);
    client = new RpcClient(ClusterSecret.NONE, FAST_HEARTBEATS);
  }

  @AfterEach
  void stop() {
    BlockingPlanProvider.release.countDown(); // never leave a loader thread waiting
    client.close();
    jobManager.close();
  }

  private RpcConnection connect() throws Exception {
    return client.connect("127.0.0.1", jobManager.address().getPort(), (c, m) -> null).get(5, TimeUnit.SECONDS);
  }

  /** A job jar holding only a service entry naming {@link BlockingPlanProvider}. */
  private BlobKey uploadBlockingJob(RpcConnection connection) throws Exception {
    Path jar = work.resolve("blocking-job.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new JarEntry("META-INF/services/" + JobPlanProvider.class.getName()));
      out.write((BlockingPlanProvider.class.getName() + "\n").getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    return JarUploader.upload(connection, jar);
  }

  private static CompletableFuture<Message> submit(RpcConnection connection, BlobKey jar) {
    JobSubmission submission = new JobSubmission("", List.of(jar.sha256()), 1, Map.of(), List.of(), "", RestartStrategy.NONE);
    return connection.request(new Message.SubmitJob(submission), Duration.ofSeconds(30));
  }

  private static List<JobInfo> list(RpcConnection connection) throws Exception {
    return ((Message.JobList) connection.request(new Message.ListJobs(), Duration.ofSeconds(1)).get(2, TimeUnit.SECONDS)).jobs();
  }

  @Test
  void otherClientsAndHeartbeatsAreServedWhileAJobLoads() throws Exception {
    RpcConnection submitter = connect();
    BlobKey jar = uploadBlockingJob(submitter);
    // Netty hands accepted connections to its two worker event loops in turn, so of three more
    // connections at least one shares the submitter's loop (the one a blocking load would stall)
    List<RpcConnection> others = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      RpcConnection other = connect();
      other.request(new Message.RegisterTaskManager("tm-" + i, "127.0.0.1", 0, 1), Duration.ofSeconds(5)).get(5, TimeUnit.SECONDS);
      others.add(other);
    }

    CompletableFuture<Message> submitted = submit(submitter, jar);
    assertTrue(BlockingPlanProvider.entered.await(10, TimeUnit.SECONDS), "the JobManager started loading the plan");
    // hold the load for three heartbeat timeouts while the others keep asking
    long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1200);
    while (System.nanoTime() < until) {
      for (RpcConnection other : others) {
        assertEquals(List.of(), list(other), "nothing is listed before it has loaded");
      }
      Thread.sleep(50);
    }
    for (RpcConnection other : others) {
      assertTrue(other.isOpen(), "heartbeats kept " + other + " open");
    }
    assertEquals(3, jobManager.taskManagers().size(), "no TaskManager was given up for lost");
    assertFalse(submitted.isDone(), "the submission waits for its load");

    BlockingPlanProvider.release.countDown();
    String jobId = ((Message.JobSubmitted) submitted.get(10, TimeUnit.SECONDS)).jobId();
    List<JobInfo> jobs = list(others.get(0));
    assertEquals(1, jobs.size());
    assertEquals(jobId, jobs.get(0).jobId());
    assertEquals(jobId, ((Message.JobStatus) submitter.request(new Message.GetJobStatus(jobId), Duration.ofSeconds(5))
        .get(5, TimeUnit.SECONDS)).job().jobId());
  }

  @Test
  void aLoadThatFailsLaterAnswersItsSubmitterWithTheReason() throws Exception {
    RpcConnection submitter = connect();
    BlobKey jar = uploadBlockingJob(submitter);
    BlockingPlanProvider.failure = "this plan refuses to load";
    CompletableFuture<Message> submitted = submit(submitter, jar);
    assertTrue(BlockingPlanProvider.entered.await(10, TimeUnit.SECONDS));
    assertEquals(List.of(), list(submitter), "the submitter's own connection is served while its job loads");
    BlockingPlanProvider.release.countDown();

    ExecutionException failed = assertThrows(ExecutionException.class, () -> submitted.get(10, TimeUnit.SECONDS));
    assertInstanceOf(RpcConnection.RemoteException.class, failed.getCause());
    assertTrue(failed.getCause().getMessage().contains("this plan refuses to load"), failed.getCause().getMessage());
    assertEquals(List.of(), list(submitter), "a job that did not load is not listed");
  }
}
