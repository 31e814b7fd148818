package io.weir.state.operator;

import io.weir.state.serialization.BinaryInput;
import io.weir.state.serialization.BinaryOutput;
import io.weir.state.serialization.SerializationException;
import io.weir.state.snapshot.SnapshotCorruptedException;
import io.weir.state.snapshot.SnapshotManifest;
import java.util.ArrayList;
import java.util.List;

/**
 * The manifest of one instance's non-keyed operator state, published last like the keyed one:
 *
 * <pre>
 * int MAGIC ("WEOP"), int FORMAT_VERSION
 * str operatorId, data file; int subtask, parallelism
 * var state count, then per state: str name, str redistribution, str serializer identity,
 *     long offset, int length, int crc32c (of the section: var element count, elements)
 * int crc32c of everything before it
 * </pre>
 */
record OperatorStateManifest(
    String operatorId, String dataFile, int subtask, int parallelism, List<StateSection> states) {

  static final int MAGIC = 0x57454f50; // "WEOP"
  static final int FORMAT_VERSION = 1;

  record StateSection(String name, Redistribution mode, String serializer, long offset, int length, int crc32c) {}

  byte[] encode() {
    BinaryOutput out = new BinaryOutput(128);
    out.writeInt(MAGIC);
    out.writeInt(FORMAT_VERSION);
    out.writeString(operatorId);
    out.writeString(dataFile);
    out.writeInt(subtask);
    out.writeInt(parallelism);
    out.writeVarInt(states.size());
    for (StateSection s : states) {
      out.writeString(s.name());
      out.writeString(s.mode().name());
      out.writeString(s.serializer());
      out.writeLong(s.offset());
      out.writeInt(s.length());
      out.writeInt(s.crc32c());
    }
    out.writeInt(SnapshotManifest.crc(out.array(), out.position()));
    return out.toByteArray();
  }

  static OperatorStateManifest decode(String file, byte[] bytes) {
    if (bytes.length < 12
        || SnapshotManifest.crc(bytes, bytes.length - 4) != new BinaryInput(bytes, bytes.length - 4, 4).readInt()) {
      throw new SnapshotCorruptedException("manifest " + file + " fails its checksum: truncated or corrupted");
    }
    BinaryInput in = new BinaryInput(bytes, 0, bytes.length - 4);
    try {
      if (in.readInt() != MAGIC || in.readInt() != FORMAT_VERSION) {
        throw new SnapshotCorruptedException("manifest " + file + " is not an operator state manifest of version "
            + FORMAT_VERSION);
      }
      String operatorId = in.readString();
      String dataFile = in.readString();
      int subtask = in.readInt();
      int parallelism = in.readInt();
      int count = in.readVarInt();
      List<StateSection> states = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        states.add(new StateSection(in.readString(), Redistribution.valueOf(in.readString()), in.readString(),
            in.readLong(), in.readInt(), in.readInt()));
      }
      return new OperatorStateManifest(operatorId, dataFile, subtask, parallelism, List.copyOf(states));
    } catch (SerializationException | IllegalArgumentException | IndexOutOfBoundsException e) {
      throw new SnapshotCorruptedException("manifest " + file + " is malformed: " + e.getMessage(), e);
    }
  }
}
