package io.weir.runtime.rpc;

import io.weir.runtime.rpc.Message.ErrorReply;
import io.weir.runtime.rpc.Message.Heartbeat;
import io.weir.runtime.rpc.Message.ListTaskManagers;
import io.weir.runtime.rpc.Message.RegisterTaskManager;
import io.weir.runtime.rpc.Message.RegistrationAccepted;
import io.weir.runtime.rpc.Message.TaskManagerInfo;
import io.weir.runtime.rpc.Message.TaskManagerList;
import io.weir.state.serialization.BinaryInput;
import io.weir.state.serialization.BinaryOutput;
import io.weir.state.serialization.SerializationException;
import java.util.ArrayList;
import java.util.List;

/**
 * Hand-written binary encoding of {@link Envelope}s (no Java serialization, no reflection):
 *
 * <pre>
 * version (1 byte) | kind (1 byte: 0 one-way, 1 request, 2 response) | type (varint) | correlationId (8) | body
 * </pre>
 *
 * Bodies are the record components in declaration order with {@link BinaryOutput}'s encodings.
 * Decoding rejects an unknown version, kind or type, truncated bodies and trailing bytes with a
 * {@link ProtocolException}: a frame is either exactly one valid message or the connection closes.
 */
public final class MessageCodec {
  /** 2: checkpoint messages, checkpoint fields in submissions, deployments and job infos (issue 5). */
  public static final byte VERSION = 2;
  /** Bounds list lengths so that a corrupt count cannot make the decoder allocate much. */
  private static final int MAX_LIST = 100_000;

  private MessageCodec() {}

  public static void encode(Envelope envelope, BinaryOutput out) {
    Message message = envelope.message();
    out.writeByte(VERSION);
    out.writeByte(envelope.kind().ordinal());
    out.writeVarInt(message.type().code());
    out.writeLong(envelope.correlationId());
    // a switch over the type code rather than record patterns: the build targets Java 17
    switch (message.type()) {
      case HEARTBEAT -> out.writeLong(((Heartbeat) message).sentAtMillis());
      case ERROR_REPLY -> out.writeString(((ErrorReply) message).message());
      case REGISTER_TASK_MANAGER -> {
        RegisterTaskManager m = (RegisterTaskManager) message;
        out.writeString(m.taskManagerId());
        out.writeString(m.host());
        out.writeInt(m.dataPort());
        out.writeInt(m.slots());
      }
      case REGISTRATION_ACCEPTED -> out.writeString(((RegistrationAccepted) message).jobManagerId());
      case LIST_TASK_MANAGERS -> { }
      case TASK_MANAGER_LIST -> {
        List<TaskManagerInfo> infos = ((TaskManagerList) message).taskManagers();
        out.writeVarInt(infos.size());
        for (TaskManagerInfo info : infos) {
          out.writeString(info.taskManagerId());
          out.writeString(info.host());
          out.writeInt(info.dataPort());
          out.writeInt(info.slots());
        }
      }
      case BEGIN_UPLOAD -> {
        Message.BeginUpload m = (Message.BeginUpload) message;
        out.writeString(m.sha256());
        out.writeLong(m.totalBytes());
      }
      case UPLOAD_STARTED -> out.writeLong(((Message.UploadStarted) message).uploadId());
      case UPLOAD_CHUNK -> {
        Message.UploadChunk m = (Message.UploadChunk) message;
        out.writeLong(m.uploadId());
        out.writeVarInt(m.data().length);
        out.writeBytes(m.data(), 0, m.data().length);
      }
      case UPLOAD_CHUNK_ACCEPTED -> {
        Message.UploadChunkAccepted m = (Message.UploadChunkAccepted) message;
        out.writeLong(m.uploadId());
        out.writeLong(m.receivedBytes());
      }
      case FINISH_UPLOAD -> out.writeLong(((Message.FinishUpload) message).uploadId());
      case BLOB_STORED -> out.writeString(((Message.BlobStored) message).sha256());
      default -> {
        if (CheckpointMessageCodec.handles(message.type())) {
          CheckpointMessageCodec.encode(message, out);
        } else {
          JobMessageCodec.encode(message, out);
        }
      }
    }
  }

  public static byte[] encode(Envelope envelope) {
    BinaryOutput out = new BinaryOutput(64);
    encode(envelope, out);
    return out.toByteArray();
  }

  public static Envelope decode(byte[] frame, int offset, int length) {
    BinaryInput in = new BinaryInput(frame, offset, length);
    try {
      byte version = in.readByte();
      if (version != VERSION) {
        throw new ProtocolException("unsupported message version " + version + " (this process speaks " + VERSION + ")");
      }
      Envelope.Kind kind = Envelope.Kind.ofCode(in.readByte());
      MessageType type = MessageType.ofCode(in.readVarInt());
      long correlationId = in.readLong();
      Message message = decodeBody(type, in);
      if (in.hasRemaining()) {
        throw new ProtocolException(in.remaining() + " unexpected trailing bytes after " + type);
      }
      return new Envelope(kind, correlationId, message);
    } catch (SerializationException | IllegalArgumentException | NullPointerException e) {
      // truncated or out-of-range fields (e.g. slots = 0) are a peer's fault, not ours
      throw new ProtocolException("malformed message: " + e.getMessage(), e);
    }
  }

  private static Message decodeBody(MessageType type, BinaryInput in) {
    return switch (type) {
      case HEARTBEAT -> new Heartbeat(in.readLong());
      case ERROR_REPLY -> new ErrorReply(in.readString());
      case REGISTER_TASK_MANAGER -> new RegisterTaskManager(in.readString(), in.readString(), in.readInt(), in.readInt());
      case REGISTRATION_ACCEPTED -> new RegistrationAccepted(in.readString());
      case LIST_TASK_MANAGERS -> new ListTaskManagers();
      case TASK_MANAGER_LIST -> {
        int count = in.readLength(MAX_LIST);
        List<TaskManagerInfo> infos = new ArrayList<>(Math.min(count, 1024));
        for (int i = 0; i < count; i++) {
          infos.add(new TaskManagerInfo(in.readString(), in.readString(), in.readInt(), in.readInt()));
        }
        yield new TaskManagerList(infos);
      }
      case BEGIN_UPLOAD -> new Message.BeginUpload(in.readString(), in.readLong());
      case UPLOAD_STARTED -> new Message.UploadStarted(in.readLong());
      case UPLOAD_CHUNK -> {
        long uploadId = in.readLong();
        // bounded by what is left of the frame, so a corrupt length cannot allocate beyond it
        byte[] data = new byte[in.readLength(in.remaining())];
        in.readBytes(data, 0, data.length);
        yield new Message.UploadChunk(uploadId, data);
      }
      case UPLOAD_CHUNK_ACCEPTED -> new Message.UploadChunkAccepted(in.readLong(), in.readLong());
      case FINISH_UPLOAD -> new Message.FinishUpload(in.readLong());
      case BLOB_STORED -> new Message.BlobStored(in.readString());
      default -> CheckpointMessageCodec.handles(type) ? CheckpointMessageCodec.decode(type, in) : JobMessageCodec.decode(type, in);
    };
  }
}
