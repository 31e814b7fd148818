package io.weir.runtime.taskmanager;

import io.weir.runtime.rpc.ClusterSecret;
import io.weir.runtime.rpc.Message;
import io.weir.runtime.rpc.RpcClient;
import io.weir.runtime.rpc.RpcConnection;
import io.weir.runtime.rpc.RpcOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker process: connects to the JobManager, registers its slots and data-plane address, runs
 * the subtasks deployed to it ({@link Attempts}), and, if the connection is lost (JobManager
 * restarted, network cut, heartbeat timeout), cancels everything it runs (the JobManager counts
 * those subtasks as lost), reconnects and registers again after {@link #RECONNECT_DELAY}.
 * Heartbeats are sent by the transport.
 */
public final class TaskManager implements AutoCloseable {
  static final Duration RECONNECT_DELAY = Duration.ofSeconds(1);
  private static final Duration REGISTRATION_TIMEOUT = Duration.ofSeconds(10);
  private static final Logger LOG = LoggerFactory.getLogger(TaskManager.class);

  private final String id;
  private final String jobManagerHost;
  private final int jobManagerPort;
  private final int slots;
  private final String advertisedHost;
  private final TaskDataPlane dataPlane;
  private final RpcClient client;
  private final ScheduledExecutorService reconnects = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "weir-taskmanager-reconnect");
    thread.setDaemon(true);
    return thread;
  });
  private final Attempts attempts;
  private final CompletableFuture<String> firstRegistration = new CompletableFuture<>();
  private volatile boolean closed;
  private volatile RpcConnection connection;

  /** A TaskManager without a data plane (it runs only jobs that fit on it), caching jars in a temporary directory. */
  public TaskManager(String jobManagerHost, int jobManagerPort, int slots, ClusterSecret secret, RpcOptions options) {
    this(newId(), jobManagerHost, jobManagerPort, slots, secret, options, TaskDataPlane.NONE, temporaryCache(), "127.0.0.1");
  }

  /**
   * @param id this TaskManager's id (the data plane is started with the same one)
   * @param dataPlane exchanges records with other TaskManagers; the TaskManager closes it
   * @param blobCache where fetched jars are kept
   * @param advertisedHost the host other TaskManagers reach this one's data plane at
   */
  public TaskManager(String id, String jobManagerHost, int jobManagerPort, int slots, ClusterSecret secret, RpcOptions options,
      TaskDataPlane dataPlane, Path blobCache, String advertisedHost) {
    if (slots < 1) {
      throw new IllegalArgumentException("slots must be at least 1, got " + slots);
    }
    this.id = id;
    this.jobManagerHost = jobManagerHost;
    this.jobManagerPort = jobManagerPort;
    this.slots = slots;
    this.advertisedHost = advertisedHost;
    this.dataPlane = dataPlane;
    this.client = new RpcClient(secret, options);
    try {
      this.attempts = new Attempts(id, dataPlane, new BlobCache(blobCache));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the jar cache in " + blobCache, e);
    }
  }

  public static String newId() {
    return "tm-" + UUID.randomUUID();
  }

  private static Path temporaryCache() {
    try {
      return Files.createTempDirectory("weir-tm-jars-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts connecting; the returned future completes with the JobManager's id on the first registration. */
  public CompletableFuture<String> start() {
    reconnects.execute(this::connectAndRegister);
    return firstRegistration;
  }

  public String id() {
    return id;
  }

  /** Attempts of jobs deployed here and not yet released. */
  public int activeAttempts() {
    return attempts.size();
  }

  private void connectAndRegister() {
    if (closed) {
      return;
    }
    // set once this attempt's connection exists: from then on its close listener owns the retry
    CompletableFuture<RpcConnection> attempt = client.connect(jobManagerHost, jobManagerPort, attempts);
    attempt
        .thenCompose(c -> {
          connection = c;
          c.closeFuture().thenRun(() -> {
            attempts.cancelAll("lost the JobManager");
            if (!closed) {
              LOG.warn("lost the JobManager at {}:{}; reconnecting", jobManagerHost, jobManagerPort);
              scheduleReconnect();
            }
          });
          return c.request(new Message.RegisterTaskManager(id, advertisedHost, dataPlane.port(), slots), REGISTRATION_TIMEOUT);
        })
        .whenComplete((reply, failure) -> {
          if (failure != null) {
            LOG.warn("could not register with the JobManager at {}:{}: {}", jobManagerHost, jobManagerPort, failure.toString());
            RpcConnection c = attempt.isCompletedExceptionally() ? null : attempt.getNow(null);
            if (c != null) {
              c.close(); // its close listener schedules the retry
            } else {
              scheduleReconnect();
            }
            return;
          }
          String jobManagerId = ((Message.RegistrationAccepted) reply).jobManagerId();
          LOG.info("TaskManager {} registered with JobManager {} ({} slots, data port {})", id, jobManagerId, slots,
              dataPlane.port());
          firstRegistration.complete(jobManagerId);
        });
  }

  private void scheduleReconnect() {
    if (!closed) {
      reconnects.schedule(this::connectAndRegister, RECONNECT_DELAY.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public void close() {
    closed = true;
    reconnects.shutdownNow();
    RpcConnection c = connection;
    if (c != null) {
      c.close();
    }
    attempts.close();
    dataPlane.close();
    client.close();
  }
}
