package io.weir.runtime.jobmanager;

import io.weir.runtime.blob.BlobStore;
import io.weir.runtime.rpc.ClusterSecret;
import io.weir.runtime.rpc.Message;
import io.weir.runtime.rpc.Message.TaskManagerInfo;
import io.weir.runtime.rpc.RpcConnection;
import io.weir.runtime.rpc.RpcEndpoint;
import io.weir.runtime.rpc.RpcOptions;
import io.weir.runtime.rpc.RpcServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import io.weir.runtime.rpc.JobInfo;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The cluster's coordinator: accepts TaskManager registrations and notices their loss, stores
 * uploaded jars and serves them to TaskManagers, and runs submitted jobs ({@link JobDispatcher}):
 * scheduling, deployment, status, cancel, checkpoints and savepoints, failover and history.
 */
public final class JobManager implements AutoCloseable {
  public static final int DEFAULT_PORT = 6123;

  private final String id = "jm-" + UUID.randomUUID();
  private final TaskManagerRegistry registry = new TaskManagerRegistry();
  /** The largest jar (or dependency) a client may upload. */
  public static final long MAX_BLOB_BYTES = 512L * 1024 * 1024;
  /** How long a job waits for enough free slots before it fails. */
  public static final Duration DEFAULT_SLOT_TIMEOUT = Duration.ofSeconds(30);
  /** How many ended jobs {@code list} and {@code status} still know. */
  public static final int HISTORY_SIZE = 100;

  private final BlobStore blobs;
  private final BlobUploads uploads;
  private final BlobServer blobServer;
  private final JobDispatcher dispatcher;
  private final RpcServer server;

  private JobManager(InetAddress bindAddress, int port, ClusterSecret secret, RpcOptions options, Path blobDirectory,
      Duration slotTimeout) throws InterruptedException, IOException {
    this.blobs = new BlobStore(blobDirectory);
    this.uploads = new BlobUploads(blobs, MAX_BLOB_BYTES);
    this.blobServer = new BlobServer(blobs);
    this.dispatcher = new JobDispatcher(blobs, slotTimeout, HISTORY_SIZE);
    try {
      this.server = RpcServer.start(bindAddress, port, secret, options, new Endpoint());
    } catch (InterruptedException | RuntimeException e) {
      dispatcher.close();
      throw e;
    }
  }

  /**
   * Starts listening; {@code bindAddress == null} means loopback, port 0 an ephemeral port. Uploaded
   * jars are kept in {@code blobDirectory}.
   */
  public static JobManager start(InetAddress bindAddress, int port, ClusterSecret secret, RpcOptions options,
      Path blobDirectory) throws InterruptedException, IOException {
    return new JobManager(bindAddress, port, secret, options, blobDirectory, DEFAULT_SLOT_TIMEOUT);
  }

  /** As above; a job that cannot get enough slots within {@code slotTimeout} fails. */
  public static JobManager start(InetAddress bindAddress, int port, ClusterSecret secret, RpcOptions options,
      Path blobDirectory, Duration slotTimeout) throws InterruptedException, IOException {
    return new JobManager(bindAddress, port, secret, options, blobDirectory, slotTimeout);
  }

  /** The uploaded jars. */
  public BlobStore blobs() {
    return blobs;
  }

  public String id() {
    return id;
  }

  public InetSocketAddress address() {
    return server.localAddress();
  }

  public List<TaskManagerInfo> taskManagers() {
    return registry.taskManagers();
  }

  /** Every known job, oldest first. */
  public List<JobInfo> jobs() {
    return dispatcher.list();
  }

  @Override
  public void close() {
    server.close();
    dispatcher.close();
  }

  private final class Endpoint implements RpcEndpoint {
    /** Requests whose work is slow or runs on the main thread answer later, so the event loop never waits. */
    @Override
    public CompletionStage<Message> onRequest(RpcConnection connection, Message message) throws IOException {
      return switch (message.type()) {
        case SUBMIT_JOB -> dispatcher.submit(((Message.SubmitJob) message).submission()).thenApply(Message.JobSubmitted::new);
        case CANCEL_JOB -> dispatcher.cancel(((Message.CancelJob) message).jobId()).thenApply(Message.JobStatus::new);
        case FOLLOW_JOB -> dispatcher.follow(((Message.FollowJob) message).jobId(), connection).thenApply(Message.JobStatus::new);
        case TRIGGER_SAVEPOINT -> {
          Message.TriggerSavepoint request = (Message.TriggerSavepoint) message;
          yield dispatcher.savepoint(request.jobId(), request.directory(), request.cancelAfter())
              .thenApply(Message.SavepointCompleted::new);
        }
        default -> CompletableFuture.completedFuture(onMessage(connection, message));
      };
    }

    @Override
    public Message onMessage(RpcConnection connection, Message message) throws IOException {
      switch (message.type()) {
        case REGISTER_TASK_MANAGER -> {
          Message.RegisterTaskManager register = (Message.RegisterTaskManager) message;
          TaskManagerInfo info = new TaskManagerInfo(register.taskManagerId(), register.host(), register.dataPort(),
              register.slots());
          registry.register(info, connection);
          dispatcher.taskManagerRegistered(info, connection);
          return new Message.RegistrationAccepted(id);
        }
        case LIST_TASK_MANAGERS -> {
          return new Message.TaskManagerList(registry.taskManagers());
        }
        case BEGIN_UPLOAD -> {
          return uploads.begin(connection, (Message.BeginUpload) message);
        }
        case UPLOAD_CHUNK -> {
          return uploads.chunk(connection, (Message.UploadChunk) message);
        }
        case FINISH_UPLOAD -> {
          return uploads.finish(connection, (Message.FinishUpload) message);
        }
        case FETCH_BLOB -> {
          return blobServer.fetch((Message.FetchBlob) message);
        }
        case GET_JOB_STATUS -> {
          return new Message.JobStatus(dispatcher.status(((Message.GetJobStatus) message).jobId()));
        }
        case LIST_JOBS -> {
          return new Message.JobList(dispatcher.list());
        }
        case SUBTASK_STATUS -> {
          dispatcher.subtaskStatus((Message.SubtaskStatus) message);
          return null;
        }
        case ACKNOWLEDGE_CHECKPOINT -> {
          dispatcher.acknowledge((Message.AcknowledgeCheckpoint) message);
          return null;
        }
        case DECLINE_CHECKPOINT -> {
          dispatcher.decline((Message.DeclineCheckpoint) message);
          return null;
        }
        default -> throw new IllegalArgumentException("the JobManager does not handle " + message.type());
      }
    }

    @Override
    public void onDisconnected(RpcConnection connection) {
      registry.connectionClosed(connection);
      uploads.connectionClosed(connection);
      dispatcher.connectionClosed(connection);
    }
  }
}
