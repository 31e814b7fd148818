package io.weir.runtime.blob;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * Content-addressed files (job jars and their dependencies) in one directory, each named by the
 * SHA-256 of its bytes. The JobManager stores what clients upload; TaskManagers fetch by key. Writes
 * go to a temporary file that is moved into place only once its checksum is known and matches, so
 * a reader never sees a partial or corrupt blob under a valid name; equal content is stored once.
 */
public final class BlobStore {
  private final Path directory;

  public BlobStore(Path directory) throws IOException {
    this.directory = Files.createDirectories(directory);
  }

  /**
   * Stores everything {@code in} yields. With {@code expected} non-null the content must hash to it
   * (the uploader's checksum), else nothing is stored and {@link ChecksumMismatchException} is thrown.
   */
  public BlobKey put(InputStream in, BlobKey expected) throws IOException {
    try (Upload upload = beginUpload()) {
      byte[] chunk = new byte[64 * 1024];
      for (int n; (n = in.read(chunk)) != -1; ) {
        upload.write(chunk, 0, n);
      }
      return upload.commit(expected);
    }
  }

  /** Starts a blob that arrives in pieces (e.g. an upload in several RPC chunks). */
  public Upload beginUpload() throws IOException {
    return new Upload(Files.createTempFile(directory, "upload-", ".tmp"));
  }

  /**
   * A blob being written. {@link #commit} moves it into the store under its hash; {@link #close}
   * without a commit (or after a failed one) discards it.
   */
  public final class Upload implements AutoCloseable {
    private final Path temporary;
    private final OutputStream out;
    private final MessageDigest digest = sha256();
    private long size;

    private Upload(Path temporary) throws IOException {
      this.temporary = temporary;
      this.out = Files.newOutputStream(temporary);
    }

    public void write(byte[] bytes, int offset, int length) throws IOException {
      out.write(bytes, offset, length);
      digest.update(bytes, offset, length);
      size += length;
    }

    public long size() {
      return size;
    }

    /** With {@code expected} non-null the content must hash to it, else nothing is stored. */
    public BlobKey commit(BlobKey expected) throws IOException {
      out.close();
      BlobKey actual = BlobKey.ofDigest(digest.digest());
      if (expected != null && !expected.equals(actual)) {
        throw new ChecksumMismatchException("upload hashes to " + actual + ", expected " + expected);
      }
      Path target = pathOf(actual);
      if (!Files.exists(target)) {
        moveIntoPlace(temporary, target);
      }
      return actual;
    }

    @Override
    public void close() throws IOException {
      out.close();
      Files.deleteIfExists(temporary);
    }
  }

  /** The stored file for {@code key}, re-hashed first: a blob damaged on disk is deleted and reported. */
  public Optional<Path> get(BlobKey key) throws IOException {
    Path path = pathOf(key);
    if (!Files.exists(path)) {
      return Optional.empty();
    }
    MessageDigest digest = sha256();
    try (InputStream in = new DigestInputStream(Files.newInputStream(path), digest)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    BlobKey actual = BlobKey.ofDigest(digest.digest());
    if (!actual.equals(key)) {
      Files.deleteIfExists(path);
      throw new ChecksumMismatchException("stored blob " + key + " is corrupt (hashes to " + actual + "); deleted it");
    }
    return Optional.of(path);
  }

  /**
   * The stored file for {@code key} without re-hashing it: for serving ranges of a blob to a reader
   * that verifies the checksum of the whole itself (a TaskManager fetching a jar).
   */
  public Optional<Path> find(BlobKey key) {
    Path path = pathOf(key);
    return Files.exists(path) ? Optional.of(path) : Optional.empty();
  }

  public boolean contains(BlobKey key) {
    return Files.exists(pathOf(key));
  }

  public boolean delete(BlobKey key) throws IOException {
    return Files.deleteIfExists(pathOf(key));
  }

  private Path pathOf(BlobKey key) {
    return directory.resolve(key.sha256() + ".blob");
  }

  private static void moveIntoPlace(Path temporary, Path target) throws IOException {
    try {
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException concurrentlyStored) {
      // another upload of the same content won the race; identical bytes, nothing to do
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is unavailable in this JVM", e);
    }
  }

  /** Content does not match its checksum. */
  public static final class ChecksumMismatchException extends IOException {
    public ChecksumMismatchException(String message) {
      super(message);
    }
  }
}
