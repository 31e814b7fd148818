package io.weir.runtime.task;

import io.weir.state.serialization.BinaryInput;
import io.weir.state.serialization.BinaryOutput;
import io.weir.state.snapshot.SnapshotCorruptedException;
import io.weir.state.snapshot.SnapshotManifest;
import io.weir.state.snapshot.SnapshotStorage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The stored in-flight buffers of one subtask's unaligned checkpoint. Two files, the manifest
 * published last so the state is whole or absent:
 * <pre>
 * data file {@code <name>-data}: per buffer: int channel, int records, int length, bytes,
 *                                int crc32c (of the header and the bytes)
 * manifest {@code <name>}:       int MAGIC ("WCHS"), int VERSION, str data file, long data length,
 *                                int buffer count, int crc32c of everything before it
 * </pre>
 * Every buffer carries its own CRC-32C, so a damaged file is reported before any record of it
 * reaches an operator; every failure names the file.
 */
final class ChannelStateFile {
  static final int MAGIC = 0x57434853; // "WCHS"
  static final int VERSION = 1;
  private static final int HEADER = 16;

  private ChannelStateFile() {}

  /** The data file that manifest {@code name} describes. */
  static String dataFileOf(String name) {
    return name + "-data";
  }

  /** Writes {@code buffers} and publishes manifest {@code name}; returns the bytes written. */
  static long write(SnapshotStorage storage, String name, List<InFlightBuffer> buffers) throws IOException {
    String dataFile = dataFileOf(name);
    long length = 0;
    BinaryOutput header = new BinaryOutput(HEADER);
    try (OutputStream out = storage.createDataFile(dataFile)) {
      for (InFlightBuffer b : buffers) {
        header.clear();
        header.writeInt(b.channel());
        header.writeInt(b.records());
        header.writeInt(b.data().length);
        out.write(header.array(), 0, header.position());
        out.write(b.data());
        int crc = crc(header.array(), b.data(), b.data().length);
        header.clear();
        header.writeInt(crc);
        out.write(header.array(), 0, 4);
        length += HEADER + b.data().length;
      }
    }
    BinaryOutput manifest = new BinaryOutput(64);
    manifest.writeInt(MAGIC);
    manifest.writeInt(VERSION);
    manifest.writeString(dataFile);
    manifest.writeLong(length);
    manifest.writeInt(buffers.size());
    manifest.writeInt(SnapshotManifest.crc(manifest.array(), manifest.position()));
    byte[] bytes = manifest.toByteArray();
    storage.publishManifest(name, bytes);
    return length + bytes.length;
  }

  /**
   * The buffers of manifest {@code name}, in the order they were recorded. A missing, truncated or
   * corrupted manifest or data file throws {@link SnapshotCorruptedException} naming it.
   */
  static List<InFlightBuffer> read(SnapshotStorage storage, String name) {
    String dataFile;
    long length;
    int count;
    try {
      byte[] bytes = storage.readManifest(name);
      if (bytes.length < 12 || SnapshotManifest.crc(bytes, bytes.length - 4)
          != new BinaryInput(bytes, bytes.length - 4, 4).readInt()) {
        throw new SnapshotCorruptedException("channel-state manifest " + name + " is truncated or corrupted");
      }
      BinaryInput in = new BinaryInput(bytes, 0, bytes.length - 4);
      if (in.readInt() != MAGIC || in.readInt() != VERSION) {
        throw new SnapshotCorruptedException("channel-state manifest " + name
            + " is not a Weir channel-state manifest of version " + VERSION);
      }
      dataFile = in.readString();
      length = in.readLong();
      count = in.readInt();
    } catch (IOException e) {
      throw new SnapshotCorruptedException("cannot read channel-state manifest " + name + ": " + e, e);
    } catch (RuntimeException e) {
      if (e instanceof SnapshotCorruptedException) {
        throw e;
      }
      throw new SnapshotCorruptedException("channel-state manifest " + name + " is malformed: " + e, e);
    }
    if (length > Integer.MAX_VALUE - 8) {
      throw new SnapshotCorruptedException("channel-state file " + dataFile + " is too large: " + length + " bytes");
    }
    byte[] data;
    try {
      data = storage.readData(dataFile, 0, (int) length);
    } catch (IOException e) {
      throw new SnapshotCorruptedException("channel-state file " + dataFile + " of " + name
          + " is missing or truncated: " + e.getMessage(), e);
    }
    return decode(name, dataFile, data, count);
  }

  private static List<InFlightBuffer> decode(String name, String dataFile, byte[] data, int count) {
    List<InFlightBuffer> buffers = new ArrayList<>(count);
    BinaryInput in = new BinaryInput(data, 0, data.length);
    for (int i = 0; i < count; i++) {
      if (in.remaining() < HEADER) {
        throw corrupted(dataFile, name, "ends inside the header of buffer " + i);
      }
      int start = in.position();
      int channel = in.readInt();
      int records = in.readInt();
      int size = in.readInt();
      if (size < 0 || size > in.remaining() - 4) {
        throw corrupted(dataFile, name, "has a malformed header at buffer " + i);
      }
      byte[] bytes = new byte[size];
      in.readBytes(bytes, 0, size);
      int crc = in.readInt();
      byte[] header = java.util.Arrays.copyOfRange(data, start, start + 12);
      if (crc(header, bytes, size) != crc) {
        throw corrupted(dataFile, name, "fails the checksum of buffer " + i);
      }
      buffers.add(new InFlightBuffer(channel, records, bytes));
    }
    if (in.hasRemaining()) {
      throw corrupted(dataFile, name, "has " + in.remaining() + " bytes after its last buffer");
    }
    return buffers;
  }

  /** CRC-32C of a buffer's 12 header bytes and its {@code size} data bytes: a damaged channel or count is caught too. */
  private static int crc(byte[] header, byte[] data, int size) {
    CRC32C crc = new CRC32C();
    crc.update(header, 0, 12);
    crc.update(data, 0, size);
    return (int) crc.getValue();
  }

  private static SnapshotCorruptedException corrupted(String dataFile, String name, String what) {
    return new SnapshotCorruptedException("channel-state file " + dataFile + " (manifest " + name + ") " + what
        + ": truncated or corrupted");
  }
}
