package io.weir.runtime.rpc;

import java.util.List;
import java.util.Objects;

/**
 * Every control-plane message. Adding one means: a record here, a {@link MessageType} constant
 * with a new (never reused) code, and its encoding in {@link MessageCodec}.
 */
public sealed interface Message {
  MessageType type();

  /** Keeps an idle connection alive and lets each side detect a dead peer; handled by the transport. */
  record Heartbeat(long sentAtMillis) implements Message {
    public MessageType type() {
      return MessageType.HEARTBEAT;
    }
  }

  /** A failed request's reply. */
  record ErrorReply(String message) implements Message {
    public ErrorReply {
      Objects.requireNonNull(message);
    }

    public MessageType type() {
      return MessageType.ERROR_REPLY;
    }
  }

  /** TaskManager → JobManager: offers {@code slots} slots; {@code dataPort} is where its data plane listens. */
  record RegisterTaskManager(String taskManagerId, String host, int dataPort, int slots) implements Message {
    public RegisterTaskManager {
      Objects.requireNonNull(taskManagerId);
      Objects.requireNonNull(host);
      if (slots < 1) {
        throw new IllegalArgumentException("slots must be at least 1, got " + slots);
      }
    }

    public MessageType type() {
      return MessageType.REGISTER_TASK_MANAGER;
    }
  }

  /** The reply to {@link RegisterTaskManager}. */
  record RegistrationAccepted(String jobManagerId) implements Message {
    public RegistrationAccepted {
      Objects.requireNonNull(jobManagerId);
    }

    public MessageType type() {
      return MessageType.REGISTRATION_ACCEPTED;
    }
  }

  /** Asks the JobManager for the TaskManagers currently registered. */
  record ListTaskManagers() implements Message {
    public MessageType type() {
      return MessageType.LIST_TASK_MANAGERS;
    }
  }

  /** One registered TaskManager, as listed by {@link TaskManagerList}. */
  record TaskManagerInfo(String taskManagerId, String host, int dataPort, int slots) {
    public TaskManagerInfo {
      Objects.requireNonNull(taskManagerId);
      Objects.requireNonNull(host);
    }
  }

  /** The reply to {@link ListTaskManagers}, sorted by id. */
  record TaskManagerList(List<TaskManagerInfo> taskManagers) implements Message {
    public TaskManagerList {
      taskManagers = List.copyOf(taskManagers);
    }

    public MessageType type() {
      return MessageType.TASK_MANAGER_LIST;
    }
  }

  /** Client → JobManager: starts uploading a blob (a job jar) of {@code totalBytes} whose SHA-256 is {@code sha256}. */
  record BeginUpload(String sha256, long totalBytes) implements Message {
    public BeginUpload {
      Objects.requireNonNull(sha256);
      if (totalBytes < 0) {
        throw new IllegalArgumentException("negative upload size " + totalBytes);
      }
    }

    public MessageType type() {
      return MessageType.BEGIN_UPLOAD;
    }
  }

  /** The reply to {@link BeginUpload}: the id the chunks refer to. */
  record UploadStarted(long uploadId) implements Message {
    public MessageType type() {
      return MessageType.UPLOAD_STARTED;
    }
  }

  /**
   * The next bytes of an upload, sent as a request: waiting for each {@link UploadChunkAccepted}
   * keeps at most one chunk in flight, so a slow disk backpressures the uploader. Equality of
   * {@code data} is by identity (an array); compare contents where it matters.
   */
  record UploadChunk(long uploadId, byte[] data) implements Message {
    public UploadChunk {
      Objects.requireNonNull(data);
    }

    public MessageType type() {
      return MessageType.UPLOAD_CHUNK;
    }
  }

  /** The reply to {@link UploadChunk}: bytes received so far. */
  record UploadChunkAccepted(long uploadId, long receivedBytes) implements Message {
    public MessageType type() {
      return MessageType.UPLOAD_CHUNK_ACCEPTED;
    }
  }

  /** Ends an upload; the JobManager checks size and checksum before storing it. */
  record FinishUpload(long uploadId) implements Message {
    public MessageType type() {
      return MessageType.FINISH_UPLOAD;
    }
  }

  /** The reply to {@link FinishUpload}: stored under this SHA-256. */
  record BlobStored(String sha256) implements Message {
    public BlobStored {
      Objects.requireNonNull(sha256);
    }

    public MessageType type() {
      return MessageType.BLOB_STORED;
    }
  }
}
