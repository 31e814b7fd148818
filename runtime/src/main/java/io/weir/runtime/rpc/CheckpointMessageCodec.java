package io.weir.runtime.rpc;

import io.weir.runtime.checkpoint.CheckpointConfig;
import io.weir.runtime.checkpoint.CheckpointOptions;
import io.weir.runtime.checkpoint.CheckpointType;
import io.weir.runtime.checkpoint.CheckpointingMode;
import io.weir.runtime.checkpoint.SubtaskCheckpointAck;
import io.weir.runtime.checkpoint.SubtaskCheckpointMetrics;
import io.weir.state.serialization.BinaryInput;
import io.weir.state.serialization.BinaryOutput;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Bodies of the checkpoint messages (codes 55-61) and the checkpoint parts of job submissions and
 * job infos, in the style of {@link MessageCodec}. Enums travel as fixed protocol codes (never
 * ordinals of classes other helpers own); durations as milliseconds.
 */
final class CheckpointMessageCodec {
  /** Bounds map and list lengths so that a corrupt count cannot make the decoder allocate much. */
  private static final int MAX_ENTRIES = 100_000;

  private CheckpointMessageCodec() {}

  static boolean handles(MessageType type) {
    return type.code() >= MessageType.TRIGGER_CHECKPOINT.code() && type.code() <= MessageType.SAVEPOINT_COMPLETED.code();
  }

  static void encode(Message message, BinaryOutput out) {
    switch (message.type()) {
      case TRIGGER_CHECKPOINT -> {
        Message.TriggerCheckpoint m = (Message.TriggerCheckpoint) message;
        out.writeString(m.jobId());
        out.writeInt(m.attempt());
        out.writeInt(m.task());
        out.writeInt(m.subtask());
        out.writeLong(m.checkpointId());
        out.writeLong(m.timestampMillis());
        writeOptions(m.options(), out);
      }
      case ACKNOWLEDGE_CHECKPOINT -> {
        Message.AcknowledgeCheckpoint m = (Message.AcknowledgeCheckpoint) message;
        out.writeString(m.jobId());
        out.writeInt(m.attempt());
        writeAck(m.ack(), out);
      }
      case DECLINE_CHECKPOINT -> {
        Message.DeclineCheckpoint m = (Message.DeclineCheckpoint) message;
        out.writeString(m.jobId());
        out.writeInt(m.attempt());
        out.writeLong(m.checkpointId());
        out.writeInt(m.task());
        out.writeInt(m.subtask());
        out.writeString(m.reason());
      }
      case NOTIFY_CHECKPOINT_COMPLETE -> {
        Message.NotifyCheckpointComplete m = (Message.NotifyCheckpointComplete) message;
        out.writeString(m.jobId());
        out.writeInt(m.attempt());
        out.writeLong(m.checkpointId());
      }
      case NOTIFY_CHECKPOINT_ABORTED -> {
        Message.NotifyCheckpointAborted m = (Message.NotifyCheckpointAborted) message;
        out.writeString(m.jobId());
        out.writeInt(m.attempt());
        out.writeLong(m.checkpointId());
      }
      case TRIGGER_SAVEPOINT -> {
        Message.TriggerSavepoint m = (Message.TriggerSavepoint) message;
        out.writeString(m.jobId());
        out.writeString(m.directory());
        out.writeBoolean(m.cancelAfter());
      }
      case SAVEPOINT_COMPLETED -> out.writeString(((Message.SavepointCompleted) message).path());
      default -> throw new IllegalArgumentException(message.type() + " is not a checkpoint message");
    }
  }

  static Message decode(MessageType type, BinaryInput in) {
    return switch (type) {
      case TRIGGER_CHECKPOINT -> new Message.TriggerCheckpoint(in.readString(), in.readInt(), in.readInt(), in.readInt(),
          in.readLong(), in.readLong(), readOptions(in));
      case ACKNOWLEDGE_CHECKPOINT -> new Message.AcknowledgeCheckpoint(in.readString(), in.readInt(), readAck(in));
      case DECLINE_CHECKPOINT -> new Message.DeclineCheckpoint(in.readString(), in.readInt(), in.readLong(), in.readInt(),
          in.readInt(), in.readString());
      case NOTIFY_CHECKPOINT_COMPLETE -> new Message.NotifyCheckpointComplete(in.readString(), in.readInt(), in.readLong());
      case NOTIFY_CHECKPOINT_ABORTED -> new Message.NotifyCheckpointAborted(in.readString(), in.readInt(), in.readLong());
      case TRIGGER_SAVEPOINT -> new Message.TriggerSavepoint(in.readString(), in.readString(), readBoolean(in));
      case SAVEPOINT_COMPLETED -> new Message.SavepointCompleted(in.readString());
      default -> throw new ProtocolException(type + " is not a checkpoint message");
    };
  }

  static void writeOptions(CheckpointOptions options, BinaryOutput out) {
    out.writeVarInt(typeCode(options.type()));
    out.writeVarInt(modeCode(options.mode()));
    out.writeBoolean(options.unaligned());
    out.writeLong(options.alignmentTimeoutMillis());
    out.writeString(options.targetLocation());
  }

  static CheckpointOptions readOptions(BinaryInput in) {
    return new CheckpointOptions(type(in.readVarInt()), mode(in.readVarInt()), readBoolean(in), in.readLong(), in.readString());
  }

  static void writeConfig(CheckpointConfig c, BinaryOutput out) {
    out.writeLong(c.interval().toMillis());
    out.writeLong(c.timeout().toMillis());
    out.writeLong(c.minPause().toMillis());
    out.writeInt(c.maxConcurrent());
    out.writeVarInt(modeCode(c.mode()));
    out.writeBoolean(c.unaligned());
    out.writeLong(c.alignmentTimeout().toMillis());
    out.writeInt(c.retained());
    out.writeString(c.directory());
  }

  static CheckpointConfig readConfig(BinaryInput in) {
    return new CheckpointConfig(Duration.ofMillis(in.readLong()), Duration.ofMillis(in.readLong()),
        Duration.ofMillis(in.readLong()), in.readInt(), mode(in.readVarInt()), readBoolean(in),
        Duration.ofMillis(in.readLong()), in.readInt(), in.readString());
  }

  static void writeJobCheckpoints(JobCheckpoints c, BinaryOutput out) {
    out.writeLong(c.completed());
    out.writeLong(c.failed());
    out.writeInt(c.inProgress());
    out.writeLong(c.restoredCheckpointId());
    out.writeString(c.restoredFrom());
    out.writeVarInt(c.recent().size());
    for (CheckpointSummary s : c.recent()) {
      out.writeLong(s.id());
      out.writeVarInt(typeCode(s.type()));
      out.writeVarInt(s.status().code());
      out.writeLong(s.triggeredAtMillis());
      out.writeLong(s.durationMillis());
      out.writeInt(s.acknowledged());
      out.writeInt(s.total());
      out.writeLong(s.syncMillis());
      out.writeLong(s.asyncMillis());
      out.writeLong(s.alignmentMillis());
      out.writeLong(s.stateBytes());
      out.writeLong(s.writtenBytes());
      out.writeLong(s.inFlightBytes());
      out.writeString(s.failure());
      out.writeString(s.location());
      out.writeInt(s.attempt());
    }
  }

  static JobCheckpoints readJobCheckpoints(BinaryInput in) {
    long completed = in.readLong();
    long failed = in.readLong();
    int inProgress = in.readInt();
    long restoredId = in.readLong();
    String restoredFrom = in.readString();
    int count = in.readLength(MAX_ENTRIES);
    List<CheckpointSummary> recent = new ArrayList<>(Math.min(count, 64));
    for (int i = 0; i < count; i++) {
      recent.add(new CheckpointSummary(in.readLong(), type(in.readVarInt()), CheckpointSummary.Status.ofCode(in.readVarInt()),
          in.readLong(), in.readLong(), in.readInt(), in.readInt(), in.readLong(), in.readLong(), in.readLong(),
          in.readLong(), in.readLong(), in.readLong(), in.readString(), in.readString(), in.readInt()));
    }
    return new JobCheckpoints(completed, failed, inProgress, restoredId, restoredFrom, recent);
  }

  private static void writeAck(SubtaskCheckpointAck ack, BinaryOutput out) {
    out.writeLong(ack.checkpointId());
    out.writeInt(ack.task());
    out.writeInt(ack.subtask());
    writeMap(ack.keyedManifests(), out);
    writeMap(ack.operatorManifests(), out);
    out.writeString(ack.channelState());
    ack.metrics().writeTo(out);
  }

  private static SubtaskCheckpointAck readAck(BinaryInput in) {
    long id = in.readLong();
    int task = in.readInt();
    int subtask = in.readInt();
    Map<String, String> keyed = readMap(in);
    Map<String, String> operator = readMap(in);
    String channelState = in.readString();
    SubtaskCheckpointMetrics metrics = SubtaskCheckpointMetrics.readFrom(in);
    return new SubtaskCheckpointAck(id, task, subtask, keyed, operator, channelState, metrics);
  }

  private static void writeMap(Map<String, String> map, BinaryOutput out) {
    out.writeVarInt(map.size());
    map.forEach((key, value) -> {
      out.writeString(key);
      out.writeString(value);
    });
  }

  private static Map<String, String> readMap(BinaryInput in) {
    int count = in.readLength(MAX_ENTRIES);
    Map<String, String> map = new TreeMap<>();
    for (int i = 0; i < count; i++) {
      String key = in.readString();
      if (map.put(key, in.readString()) != null) {
        throw new ProtocolException("duplicate vertex id " + key + " in a checkpoint acknowledgement");
      }
    }
    return map;
  }

  /** Strict: only the bytes 0 and 1 are booleans, so that a corrupt frame is not silently read as true. */
  private static boolean readBoolean(BinaryInput in) {
    byte b = in.readByte();
    if (b != 0 && b != 1) {
      throw new ProtocolException("bad boolean byte " + b);
    }
    return b == 1;
  }

  private static int typeCode(CheckpointType type) {
    return switch (type) {
      case CHECKPOINT -> 0;
      case SAVEPOINT -> 1;
    };
  }

  private static CheckpointType type(int code) {
    return switch (code) {
      case 0 -> CheckpointType.CHECKPOINT;
      case 1 -> CheckpointType.SAVEPOINT;
      default -> throw new ProtocolException("unknown checkpoint type " + code);
    };
  }

  private static int modeCode(CheckpointingMode mode) {
    return switch (mode) {
      case EXACTLY_ONCE -> 0;
      case AT_LEAST_ONCE -> 1;
    };
  }

  private static CheckpointingMode mode(int code) {
    return switch (code) {
      case 0 -> CheckpointingMode.EXACTLY_ONCE;
      case 1 -> CheckpointingMode.AT_LEAST_ONCE;
      default -> throw new ProtocolException("unknown checkpointing mode " + code);
    };
  }
}
