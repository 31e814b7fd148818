package io.weir.state.snapshot;

import io.weir.state.KeyGroupRange;
import io.weir.state.backend.StateDescriptor;
import io.weir.state.serialization.BinaryInput;
import io.weir.state.serialization.BinaryOutput;
import io.weir.state.serialization.SerializationException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * What one keyed-state snapshot of one operator instance contains, written last and published
 * atomically. Self-describing so a restore can check it reads what was written:
 *
 * <pre>
 * int   MAGIC ("WEIR"), int FORMAT_VERSION
 * str   operatorId, backend name, data file name, key serializer identity
 * int   maxParallelism, range.first, range.last
 * var   state count, then per state: str name, str kind, str serializer identity (formatId@version)
 * var   section count, then per section: var state index, var key group, long offset, int length, int crc32c
 * str   format (version 2 on: CANONICAL or NATIVE_ROCKSDB)
 * var   file count (version 2 on), then per file: str storage name, str local name, long size, int crc32c
 * int   crc32c of everything before it
 * </pre>
 *
 * A {@link Format#CANONICAL} snapshot keeps its entries in {@code dataFile}: a section holds the
 * entries of one state in one key group, so a restore into other key-group ranges reads only the
 * sections it owns. A {@link Format#NATIVE_ROCKSDB} snapshot has no sections: {@code files} are the
 * files of a RocksDB checkpoint (one column family per state), some of them shared with earlier
 * snapshots (see {@link SharedFileRegistry}), each with its size and checksum. Version 1 manifests
 * (canonical only, no format or files) are still read.
 */
public record SnapshotManifest(
    String operatorId,
    String backend,
    String dataFile,
    String keySerializer,
    int maxParallelism,
    KeyGroupRange range,
    List<StateInfo> states,
    List<Section> sections,
    Format format,
    List<DataFile> files) {

  public static final int MAGIC = 0x57454952; // "WEIR"
  public static final int FORMAT_VERSION = 2;

  /** How the snapshot's state is stored. */
  public enum Format {
    /** Backend-neutral sections in {@code dataFile}; every backend restores it. */
    CANONICAL,
    /** The files of a RocksDB checkpoint; RocksDB opens them, the heap reads them through a temporary RocksDB. */
    NATIVE_ROCKSDB
  }

  /**
   * A file of a native snapshot: {@code name} in snapshot storage (possibly uploaded by an earlier
   * snapshot), {@code localName} in the checkpoint directory, and its size and CRC-32C.
   */
  public record DataFile(String name, String localName, long size, int crc32c) {}

  public SnapshotManifest {
    states = List.copyOf(states);
    sections = List.copyOf(sections);
    files = List.copyOf(files);
  }

  /** A canonical snapshot: entries in {@code dataFile}, described by {@code sections}. */
  public SnapshotManifest(String operatorId, String backend, String dataFile, String keySerializer,
      int maxParallelism, KeyGroupRange range, List<StateInfo> states, List<Section> sections) {
    this(operatorId, backend, dataFile, keySerializer, maxParallelism, range, states, sections,
        Format.CANONICAL, List.of());
  }

  /** Every data file in snapshot storage this snapshot needs, shared or its own. */
  public List<String> dataFiles() {
    return format == Format.CANONICAL ? List.of(dataFile) : files.stream().map(DataFile::name).toList();
  }

  /** One state: its name, kind and serializer identity ({@link StateDescriptor#formatIdentity()}). */
  public record StateInfo(String name, StateDescriptor.Kind kind, String serializers) {}

  /** Where the entries of state {@code state} (an index into states) in {@code keyGroup} are. */
  public record Section(int state, int keyGroup, long offset, int length, int crc32c) {}

  public byte[] encode() {
    BinaryOutput out = new BinaryOutput(256 + sections.size() * 24);
    out.writeInt(MAGIC);
    out.writeInt(FORMAT_VERSION);
    out.writeString(operatorId);
    out.writeString(backend);
    out.writeString(dataFile);
    out.writeString(keySerializer);
    out.writeInt(maxParallelism);
    out.writeInt(range.first());
    out.writeInt(range.last());
    out.writeVarInt(states.size());
    for (StateInfo state : states) {
      out.writeString(state.name());
      out.writeString(state.kind().name());
      out.writeString(state.serializers());
    }
    out.writeVarInt(sections.size());
    for (Section s : sections) {
      out.writeVarInt(s.state());
      out.writeVarInt(s.keyGroup());
      out.writeLong(s.offset());
      out.writeInt(s.length());
      out.writeInt(s.crc32c());
    }
    out.writeString(format.name());
    out.writeVarInt(files.size());
    for (DataFile f : files) {
      out.writeString(f.name());
      out.writeString(f.localName());
      out.writeLong(f.size());
      out.writeInt(f.crc32c());
    }
    out.writeInt(crc(out.array(), out.position()));
    return out.toByteArray();
  }

  /** Decodes a manifest, failing with a message naming {@code file} when it is damaged. */
  public static SnapshotManifest decode(String file, byte[] bytes) {
    if (bytes.length < 12) {
      throw new SnapshotCorruptedException("manifest " + file + " is truncated (" + bytes.length + " bytes)");
    }
    int expected = new BinaryInput(bytes, bytes.length - 4, 4).readInt();
    if (crc(bytes, bytes.length - 4) != expected) {
      throw new SnapshotCorruptedException("manifest " + file + " fails its checksum: truncated or corrupted");
    }
    BinaryInput in = new BinaryInput(bytes, 0, bytes.length - 4);
    try {
      if (in.readInt() != MAGIC) {
        throw new SnapshotCorruptedException("manifest " + file + " is not a Weir snapshot manifest");
      }
      int version = in.readInt();
      if (version != 1 && version != FORMAT_VERSION) {
        throw new SnapshotCorruptedException(
            "manifest " + file + " has format version " + version + "; this Weir reads " + FORMAT_VERSION);
      }
      String operatorId = in.readString();
      String backend = in.readString();
      String dataFile = in.readString();
      String keySerializer = in.readString();
      int maxParallelism = in.readInt();
      KeyGroupRange range = new KeyGroupRange(in.readInt(), in.readInt());
      int stateCount = in.readVarInt();
      List<StateInfo> states = new ArrayList<>(stateCount);
      for (int i = 0; i < stateCount; i++) {
        states.add(new StateInfo(in.readString(), StateDescriptor.Kind.valueOf(in.readString()), in.readString()));
      }
      int sectionCount = in.readVarInt();
      List<Section> sections = new ArrayList<>(sectionCount);
      for (int i = 0; i < sectionCount; i++) {
        sections.add(new Section(in.readVarInt(), in.readVarInt(), in.readLong(), in.readInt(), in.readInt()));
      }
      Format format = Format.CANONICAL;
      List<DataFile> files = new ArrayList<>();
      if (version >= 2) {
        format = Format.valueOf(in.readString());
        int fileCount = in.readVarInt();
        for (int i = 0; i < fileCount; i++) {
          files.add(new DataFile(in.readString(), in.readString(), in.readLong(), in.readInt()));
        }
      }
      if (in.hasRemaining()) {
        throw new SnapshotCorruptedException("manifest " + file + " has trailing bytes after its content");
      }
      return new SnapshotManifest(operatorId, backend, dataFile, keySerializer, maxParallelism, range,
          states, sections, format, files);
    } catch (SerializationException | IllegalArgumentException | IndexOutOfBoundsException e) {
      throw new SnapshotCorruptedException("manifest " + file + " is malformed: " + e.getMessage(), e);
    }
  }

  public static int crc(byte[] bytes, int length) {
    return crc(bytes, 0, length);
  }

  public static int crc(byte[] bytes, int offset, int length) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, offset, length);
    return (int) crc.getValue();
  }
}
