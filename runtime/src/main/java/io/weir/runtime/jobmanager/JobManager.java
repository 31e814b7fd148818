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
import java.util.List;
import java.util.UUID;

/**
 * The cluster's coordinator. So far: accepts TaskManager registrations, notices their loss, answers
 * cluster queries and stores uploaded jars. Job submission and scheduling are the next steps (issue 4).
 */
public final class JobManager implements AutoCloseable {
  public static final int DEFAULT_PORT = 6123;

  private final String id = "jm-" + UUID.randomUUID();
  private final TaskManagerRegistry registry = new TaskManagerRegistry();
  /** The largest jar (or dependency) a client may upload. */
  public static final long MAX_BLOB_BYTES = 512L * 1024 * 1024;

  private final BlobStore blobs;
  private final BlobUploads uploads;
  private final RpcServer server;

  private JobManager(InetAddress bindAddress, int port, ClusterSecret secret, RpcOptions options, Path blobDirectory)
      throws InterruptedException, IOException {
    this.blobs = new BlobStore(blobDirectory);
    this.uploads = new BlobUploads(blobs, MAX_BLOB_BYTES);
    this.server = RpcServer.start(bindAddress, port, secret, options, new Endpoint());
  }

  /**
   * Starts listening; {@code bindAddress == null} means loopback, port 0 an ephemeral port. Uploaded
   * jars are kept in {@code blobDirectory}.
   */
  public static JobManager start(InetAddress bindAddress, int port, ClusterSecret secret, RpcOptions options,
      Path blobDirectory) throws InterruptedException, IOException {
    return new JobManager(bindAddress, port, secret, options, blobDirectory);
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

  @Override
  public void close() {
    server.close();
  }

  private final class Endpoint implements RpcEndpoint {
    @Override
    public Message onMessage(RpcConnection connection, Message message) throws IOException {
      switch (message.type()) {
        case REGISTER_TASK_MANAGER -> {
          Message.RegisterTaskManager register = (Message.RegisterTaskManager) message;
          registry.register(new TaskManagerInfo(register.taskManagerId(), register.host(), register.dataPort(),
              register.slots()), connection);
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
        default -> throw new IllegalArgumentException("the JobManager does not handle " + message.type());
      }
    }

    @Override
    public void onDisconnected(RpcConnection connection) {
      registry.connectionClosed(connection);
      uploads.connectionClosed(connection);
    }
  }
}
