package io.weir.runtime.client;

import io.weir.runtime.blob.BlobKey;
import io.weir.runtime.rpc.ClusterSecret;
import io.weir.runtime.rpc.JobInfo;
import io.weir.runtime.rpc.Message;
import io.weir.runtime.rpc.RpcClient;
import io.weir.runtime.rpc.RpcConnection;
import io.weir.runtime.rpc.RpcEndpoint;
import io.weir.runtime.rpc.RpcOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * A connection to a JobManager for submitting and managing jobs:
 *
 * <pre>{@code
 * try (ClusterClient client = ClusterClient.connect("127.0.0.1", 6123, ClusterSecret.NONE)) {
 *   String jobId = client.submit(List.of(jobJar), SubmitOptions.defaults().parallelism(4));
 *   JobInfo end = client.follow(jobId, info -> System.out.println(info.status()));
 * }
 * }</pre>
 */
public final class ClusterClient implements AutoCloseable {
  private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(30);
  /** How often {@link #follow} asks for the status itself, in case the connection missed nothing but was slow. */
  private static final Duration FOLLOW_POLL = Duration.ofSeconds(5);
  /**
   * How long a savepoint may take before the client stops waiting: the checkpoint timeout bounds it
   * on the JobManager (ten minutes by default), which then answers with the reason.
   */
  private static final Duration SAVEPOINT_TIMEOUT = Duration.ofMinutes(11);

  private final RpcClient rpc;
  private final RpcConnection connection;
  private final Map<String, Follower> followers = new ConcurrentHashMap<>();

  /** One {@link #follow} call: its listener and the job's end. */
  private static final class Follower {
    final Consumer<JobInfo> listener;
    final CompletableFuture<JobInfo> end = new CompletableFuture<>();
    boolean pushed;

    Follower(Consumer<JobInfo> listener) {
      this.listener = listener;
    }

    synchronized void deliver(JobInfo info, boolean push) {
      if (end.isDone() || (!push && pushed)) {
        return; // a reply overtaken by pushes is older than them
      }
      pushed |= push;
      listener.accept(info);
      if (info.status().isTerminal()) {
        end.complete(info);
      }
    }
  }

  private ClusterClient(RpcClient rpc, RpcConnection connection) {
    this.rpc = rpc;
    this.connection = connection;
  }

  public static ClusterClient connect(String host, int port, ClusterSecret secret) throws IOException, InterruptedException {
    RpcClient rpc = new RpcClient(secret, RpcOptions.DEFAULT);
    ClusterClient[] self = new ClusterClient[1];
    RpcEndpoint endpoint = (c, message) -> {
      if (message instanceof Message.JobStatusChanged change && self[0] != null) {
        Follower follower = self[0].followers.get(change.job().jobId());
        if (follower != null) {
          follower.deliver(change.job(), true);
        }
        return null;
      }
      throw new IllegalArgumentException("a client does not handle " + message.type());
    };
    try {
      RpcConnection connection = rpc.connect(host, port, endpoint).get(30, TimeUnit.SECONDS);
      ClusterClient client = new ClusterClient(rpc, connection);
      self[0] = client;
      connection.closeFuture().thenRun(() -> client.followers.values().forEach(f ->
          f.end.completeExceptionally(new IOException("lost the connection to the JobManager at " + host + ":" + port))));
      return client;
    } catch (ExecutionException | TimeoutException e) {
      rpc.close();
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      throw new IOException("cannot connect to the JobManager at " + host + ":" + port + ": " + cause.getMessage(), cause);
    }
  }

  /** Uploads {@code jar} to the JobManager's blob store (a no-op transfer-wise if nothing changed) and returns its key. */
  public BlobKey upload(Path jar) throws IOException, InterruptedException {
    try {
      return JarUploader.upload(connection, jar);
    } catch (ExecutionException | TimeoutException e) {
      throw new IOException("uploading " + jar + " failed: " + message(e), e);
    }
  }

  /** Uploads the job jar and its dependencies ({@code jars}, class-path order), submits, and returns the job id. */
  public String submit(List<Path> jars, SubmitOptions options) throws IOException, InterruptedException {
    List<String> keys = new ArrayList<>();
    for (Path jar : jars) {
      keys.add(upload(jar).sha256());
    }
    return ((Message.JobSubmitted) call(new Message.SubmitJob(options.toSubmission(keys)))).jobId();
  }

  public JobInfo status(String jobId) throws IOException, InterruptedException {
    return ((Message.JobStatus) call(new Message.GetJobStatus(jobId))).job();
  }

  /** Every job the JobManager knows, running or recently ended, oldest first. */
  public List<JobInfo> list() throws IOException, InterruptedException {
    return ((Message.JobList) call(new Message.ListJobs())).jobs();
  }

  /** Asks to cancel the job; returns its status right after (CANCELING, or how it had already ended). */
  public JobInfo cancel(String jobId) throws IOException, InterruptedException {
    return ((Message.JobStatus) call(new Message.CancelJob(jobId))).job();
  }

  /**
   * Takes a savepoint of the running job into {@code directory} (a path every process of the
   * cluster sees) and returns the savepoint's own directory, to resubmit from; with
   * {@code cancelAfter} the job is cancelled once the savepoint is complete. Throws
   * {@link IOException} with the JobManager's reason when there is no savepoint (job not running,
   * a subtask declined, timeout).
   */
  public String savepoint(String jobId, String directory, boolean cancelAfter) throws IOException, InterruptedException {
    Message reply = call(new Message.TriggerSavepoint(jobId, directory, cancelAfter), SAVEPOINT_TIMEOUT);
    return ((Message.SavepointCompleted) reply).path();
  }

  /**
   * Calls {@code listener} with the job's current status and every change after, until the job
   * has ended; returns how it ended. Throws {@link IOException} if the connection is lost first.
   */
  public JobInfo follow(String jobId, Consumer<JobInfo> listener) throws IOException, InterruptedException {
    Follower follower = new Follower(listener);
    if (followers.putIfAbsent(jobId, follower) != null) {
      throw new IllegalStateException("job " + jobId + " is already followed by this client");
    }
    try {
      follower.deliver(((Message.JobStatus) call(new Message.FollowJob(jobId))).job(), false);
      while (true) {
        try {
          return follower.end.get(FOLLOW_POLL.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException quiet) {
          JobInfo now = status(jobId); // a job that ended while this client was slow to hear it
          if (now.status().isTerminal()) {
            follower.deliver(now, true);
          }
        } catch (ExecutionException e) {
          throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
      }
    } finally {
      followers.remove(jobId);
    }
  }

  private Message call(Message request) throws IOException, InterruptedException {
    return call(request, REPLY_TIMEOUT);
  }

  private Message call(Message request, Duration timeout) throws IOException, InterruptedException {
    try {
      return connection.request(request, timeout).get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IOException(message(e), e);
    }
  }

  private static String message(Exception e) {
    Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
    return cause.getMessage() != null ? cause.getMessage() : cause.toString();
  }

  @Override
  public void close() {
    connection.close();
    rpc.close();
  }
}
