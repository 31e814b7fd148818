package io.weir.runtime.checkpoint;

import io.weir.runtime.checkpoint.CheckpointMetadata.SubtaskState;
import io.weir.runtime.checkpoint.CheckpointMetadata.VertexState;
import io.weir.state.serialization.BinaryInput;
import io.weir.state.serialization.BinaryOutput;
import io.weir.state.serialization.SerializationException;
import io.weir.state.snapshot.SnapshotCorruptedException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The binary form of {@link CheckpointMetadata}:
 *
 * <pre>
 * int   MAGIC ("WCHK"), int VERSION
 * str   job name; long checkpoint id; str type; long trigger millis; long completed millis
 * int   maxParallelism
 * var   vertex count, then per vertex: str id, str name, int parallelism, bool head,
 *       then per subtask: str keyed manifest, str operator manifest, str channel state,
 *       6 x long metrics (sync, async, alignment ms; state, written, in-flight bytes)
 * int   CRC-32C of everything before it
 * </pre>
 *
 * The magic differs from keyed-state manifests' so registries rebuilt from a storage's manifests
 * skip it. Any damage (checksum, truncation, unknown version, trailing bytes) fails naming the file.
 */
public final class CheckpointMetadataFormat {
  public static final int MAGIC = 0x5743484B; // "WCHK"
  public static final int VERSION = 1;
  private static final int MAX_PARALLELISM = 1 << 15;

  private CheckpointMetadataFormat() {}

  public static byte[] encode(CheckpointMetadata metadata) {
    BinaryOutput out = new BinaryOutput(256);
    out.writeInt(MAGIC);
    out.writeInt(VERSION);
    out.writeString(metadata.jobName());
    out.writeLong(metadata.checkpointId());
    out.writeString(metadata.type().name());
    out.writeLong(metadata.triggerMillis());
    out.writeLong(metadata.completedMillis());
    out.writeInt(metadata.maxParallelism());
    out.writeVarInt(metadata.vertices().size());
    for (VertexState vertex : metadata.vertices()) {
      out.writeString(vertex.vertexId());
      out.writeString(vertex.name());
      out.writeInt(vertex.parallelism());
      out.writeBoolean(vertex.head());
      for (SubtaskState s : vertex.subtasks()) {
        out.writeString(s.keyedManifest());
        out.writeString(s.operatorManifest());
        out.writeString(s.channelState());
        s.metrics().writeTo(out);
      }
    }
    out.writeInt(crc(out.array(), out.position()));
    return out.toByteArray();
  }

  /** Decodes metadata read from {@code file} (named in every error). */
  public static CheckpointMetadata decode(String file, byte[] bytes) {
    if (bytes.length < 12) {
      throw new SnapshotCorruptedException("checkpoint metadata " + file + " is truncated (" + bytes.length + " bytes)");
    }
    int expected = new BinaryInput(bytes, bytes.length - 4, 4).readInt();
    if (crc(bytes, bytes.length - 4) != expected) {
      if (new BinaryInput(bytes, 0, 4).readInt() != MAGIC) {
        throw new SnapshotCorruptedException("file " + file + " is not Weir checkpoint metadata");
      }
      throw new SnapshotCorruptedException("checkpoint metadata " + file
          + " fails its checksum: it is truncated or corrupted; restore from another checkpoint or savepoint");
    }
    BinaryInput in = new BinaryInput(bytes, 0, bytes.length - 4);
    try {
      if (in.readInt() != MAGIC) {
        throw new SnapshotCorruptedException("file " + file + " is not Weir checkpoint metadata");
      }
      int version = in.readInt();
      if (version != VERSION) {
        throw new SnapshotCorruptedException("checkpoint metadata " + file + " has format version " + version
            + "; this Weir reads version " + VERSION);
      }
      String jobName = in.readString();
      long id = in.readLong();
      CheckpointType type = CheckpointType.valueOf(in.readString());
      long triggerMillis = in.readLong();
      long completedMillis = in.readLong();
      int maxParallelism = in.readInt();
      int vertexCount = in.readVarInt();
      List<VertexState> vertices = new ArrayList<>();
      for (int v = 0; v < vertexCount; v++) {
        String vertexId = in.readString();
        String name = in.readString();
        int parallelism = in.readInt();
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
          throw new IllegalArgumentException("vertex " + name + " has parallelism " + parallelism);
        }
        boolean head = in.readBoolean();
        List<SubtaskState> subtasks = new ArrayList<>(parallelism);
        for (int s = 0; s < parallelism; s++) {
          subtasks.add(new SubtaskState(in.readString(), in.readString(), in.readString(),
              SubtaskCheckpointMetrics.readFrom(in)));
        }
        vertices.add(new VertexState(vertexId, name, parallelism, head, subtasks));
      }
      if (in.hasRemaining()) {
        throw new SnapshotCorruptedException("checkpoint metadata " + file + " has trailing bytes after its content");
      }
      return new CheckpointMetadata(jobName, id, type, triggerMillis, completedMillis, maxParallelism, vertices);
    } catch (SerializationException | IllegalArgumentException | IndexOutOfBoundsException e) {
      throw new SnapshotCorruptedException("checkpoint metadata " + file + " is malformed: " + e.getMessage(), e);
    }
  }

  private static int crc(byte[] bytes, int length) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, length);
    return (int) crc.getValue();
  }
}
