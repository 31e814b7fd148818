package io.weir.state.snapshot;

import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * Snapshot storage in one local directory. Data files are fsynced on close; a manifest is written
 * to a temporary file, fsynced, renamed into place atomically, and the directory is fsynced so the
 * rename survives a crash.
 */
public final class LocalDirectorySnapshotStorage implements SnapshotStorage {
  private static final String MANIFEST_SUFFIX = ".manifest";
  private final Path directory;

  public LocalDirectorySnapshotStorage(Path directory) throws IOException {
    this.directory = Files.createDirectories(directory);
  }

  public Path directory() {
    return directory;
  }

  /** Where data file or manifest {@code name} lives; for tests that damage files on purpose. */
  public Path dataPath(String name) {
    return directory.resolve(SnapshotStorage.checkName(name));
  }

  public Path manifestPath(String name) {
    return directory.resolve(SnapshotStorage.checkName(name) + MANIFEST_SUFFIX);
  }

  @Override
  public OutputStream createDataFile(String name) throws IOException {
    FileChannel channel = FileChannel.open(dataPath(name),
        StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    OutputStream out = Channels.newOutputStream(channel);
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        out.write(b);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void close() throws IOException {
        try (channel) {
          channel.force(true);
        }
      }
    };
  }

  @Override
  public void publishManifest(String name, byte[] bytes) throws IOException {
    Path target = manifestPath(name);
    Path temporary = directory.resolve(SnapshotStorage.checkName(name) + MANIFEST_SUFFIX + ".inprogress");
    try (FileChannel channel = FileChannel.open(temporary,
        StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    }
    try {
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.deleteIfExists(temporary);
      throw new IOException("directory " + directory + " cannot rename atomically; snapshots need that", e);
    }
    syncDirectory();
  }

  /** Makes the rename durable; some platforms cannot open directories, where renames are durable anyway. */
  private void syncDirectory() {
    try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException unsupported) {
      // Not supported on this platform (e.g. Windows); nothing more can be done.
    }
  }

  @Override
  public byte[] readManifest(String name) throws IOException {
    return Files.readAllBytes(manifestPath(name));
  }

  @Override
  public byte[] readData(String name, long offset, int length) throws IOException {
    try (FileChannel channel = FileChannel.open(dataPath(name), StandardOpenOption.READ)) {
      if (offset + length > channel.size()) {
        throw new EOFException("data file " + name + " has " + channel.size() + " bytes, needed "
            + (offset + length));
      }
      ByteBuffer buffer = ByteBuffer.allocate(length);
      while (buffer.hasRemaining()) {
        if (channel.read(buffer, offset + buffer.position()) < 0) {
          throw new EOFException("data file " + name + " ended early");
        }
      }
      return buffer.array();
    }
  }

  @Override
  public List<String> listManifests() throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(path -> path.getFileName().toString())
          .filter(file -> file.endsWith(MANIFEST_SUFFIX))
          .map(file -> file.substring(0, file.length() - MANIFEST_SUFFIX.length()))
          .sorted()
          .toList();
    }
  }

  @Override
  public void delete(String name) throws IOException {
    Files.deleteIfExists(dataPath(name));
    Files.deleteIfExists(manifestPath(name));
  }
}
