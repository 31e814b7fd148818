package io.weir.runtime.taskmanager;

import io.weir.runtime.rpc.ClusterSecret;
import io.weir.runtime.rpc.Message;
import io.weir.runtime.rpc.RpcClient;
import io.weir.runtime.rpc.RpcConnection;
import io.weir.runtime.rpc.RpcEndpoint;
import io.weir.runtime.rpc.RpcOptions;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker process's control side: connects to the JobManager, registers its slots, and, if the
 * connection is lost (JobManager restarted, network cut, heartbeat timeout), reconnects and registers
 * again after {@link #RECONNECT_DELAY}. Heartbeats are sent by the transport. Running tasks and the
 * data plane are the next steps (issue 4).
 */
public final class TaskManager implements AutoCloseable {
  static final Duration RECONNECT_DELAY = Duration.ofSeconds(1);
  private static final Duration REGISTRATION_TIMEOUT = Duration.ofSeconds(10);
  private static final Logger LOG = LoggerFactory.getLogger(TaskManager.class);

  private final String id = "tm-" + UUID.randomUUID();
  private final String jobManagerHost;
  private final int jobManagerPort;
  private final int slots;
  private final RpcClient client;
  private final ScheduledExecutorService reconnects = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "weir-taskmanager-reconnect");
    thread.setDaemon(true);
    return thread;
  });
  private final CompletableFuture<String> firstRegistration = new CompletableFuture<>();
  private volatile boolean closed;
  private volatile RpcConnection connection;

  public TaskManager(String jobManagerHost, int jobManagerPort, int slots, ClusterSecret secret, RpcOptions options) {
    if (slots < 1) {
      throw new IllegalArgumentException("slots must be at least 1, got " + slots);
    }
    this.jobManagerHost = jobManagerHost;
    this.jobManagerPort = jobManagerPort;
    this.slots = slots;
    this.client = new RpcClient(secret, options);
  }

  /** Starts connecting; the returned future completes with the JobManager's id on the first registration. */
  public CompletableFuture<String> start() {
    reconnects.execute(this::connectAndRegister);
    return firstRegistration;
  }

  public String id() {
    return id;
  }

  private void connectAndRegister() {
    if (closed) {
      return;
    }
    RpcEndpoint endpoint = new RpcEndpoint() {
      @Override
      public Message onMessage(RpcConnection c, Message message) {
        throw new IllegalArgumentException("the TaskManager does not handle " + message.type() + " yet");
      }
    };
    // set once this attempt's connection exists: from then on its close listener owns the retry
    CompletableFuture<RpcConnection> attempt = client.connect(jobManagerHost, jobManagerPort, endpoint);
    attempt
        .thenCompose(c -> {
          connection = c;
          c.closeFuture().thenRun(() -> {
            if (!closed) {
              LOG.warn("lost the JobManager at {}:{}; reconnecting", jobManagerHost, jobManagerPort);
              scheduleReconnect();
            }
          });
          return c.request(new Message.RegisterTaskManager(id, "127.0.0.1", 0, slots), REGISTRATION_TIMEOUT);
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
          LOG.info("TaskManager {} registered with JobManager {} ({} slots)", id, jobManagerId, slots);
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
    client.close();
  }
}
