package io.weir.state.snapshot;

import io.weir.state.snapshot.SnapshotManifest.DataFile;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * Moves whole files between a local directory and snapshot storage, checksummed: an upload
 * computes the CRC-32C of what it wrote, a download verifies size and CRC-32C before the file is
 * used, so a damaged snapshot fails naming the file before any state changes.
 */
public final class SnapshotFiles {
  private static final int BUFFER = 1 << 20;

  private SnapshotFiles() {}

  /** Copies local {@code file} to data file {@code name} (made durable on close). */
  public static DataFile upload(SnapshotStorage storage, Path file, String name) throws IOException {
    CRC32C crc = new CRC32C();
    long size = 0;
    byte[] buffer = new byte[BUFFER];
    try (InputStream in = Files.newInputStream(file); OutputStream out = storage.createDataFile(name)) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        out.write(buffer, 0, n);
        crc.update(buffer, 0, n);
        size += n;
      }
    }
    return new DataFile(name, file.getFileName().toString(), size, (int) crc.getValue());
  }

  /**
   * Copies every file of native snapshot {@code snapshotName} into {@code directory} under its
   * local name, verifying each; throws {@link SnapshotCorruptedException} naming the snapshot and
   * file when one is missing, has another size, or fails its checksum.
   */
  public static void download(SnapshotStorage storage, String snapshotName, SnapshotManifest manifest,
      Path directory) throws IOException {
    Files.createDirectories(directory);
    for (DataFile file : manifest.files()) {
      download(storage, snapshotName, manifest, file, directory.resolve(SnapshotStorage.checkName(file.localName())));
    }
  }

  private static void download(SnapshotStorage storage, String snapshotName, SnapshotManifest manifest,
      DataFile file, Path target) throws IOException {
    String where = "snapshot " + snapshotName + " (key groups " + manifest.range() + "), data file " + file.name();
    CRC32C crc = new CRC32C();
    try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      for (long offset = 0; offset < file.size(); ) {
        int length = (int) Math.min(BUFFER, file.size() - offset);
        byte[] bytes;
        try {
          bytes = storage.readData(file.name(), offset, length);
        } catch (IOException e) {
          throw new SnapshotCorruptedException(where + ": cannot read " + file.size() + " bytes (truncated or missing): "
              + e, e);
        }
        crc.update(bytes, 0, bytes.length);
        out.write(bytes);
        offset += length;
      }
    }
    if (longerThan(storage, file)) {
      throw new SnapshotCorruptedException(where + ": longer than the " + file.size() + " bytes the manifest records");
    }
    if ((int) crc.getValue() != file.crc32c()) {
      throw new SnapshotCorruptedException(where + ": checksum mismatch, the snapshot is corrupted");
    }
  }

  private static boolean longerThan(SnapshotStorage storage, DataFile file) {
    try {
      storage.readData(file.name(), file.size(), 1);
      return true;
    } catch (EOFException expected) {
      return false;
    } catch (IOException e) {
      throw new SnapshotCorruptedException("data file " + file.name() + " cannot be read: " + e, e);
    }
  }
}
