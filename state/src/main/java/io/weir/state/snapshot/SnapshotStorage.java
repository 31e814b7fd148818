package io.weir.state.snapshot;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Where snapshots are kept: a local directory now, a shared or distributed file system later.
 * Names are flat ({@code [A-Za-z0-9._-]+}). Publishing is two-phase so a snapshot is either whole
 * or absent: data files are written and made durable first, then a manifest naming them is
 * published atomically; a reader only trusts data files a published manifest names.
 * Implementations must be safe to call from several threads for different names.
 */
public interface SnapshotStorage {

  /**
   * A new data file {@code name}. Closing the stream makes the bytes durable (fsync or the
   * storage's equivalent) and fails if that is impossible.
   */
  OutputStream createDataFile(String name) throws IOException;

  /** Publishes manifest {@code name} atomically: readers see all of {@code bytes} or nothing. */
  void publishManifest(String name, byte[] bytes) throws IOException;

  /** The bytes of published manifest {@code name}; fails if it was never published. */
  byte[] readManifest(String name) throws IOException;

  /**
   * {@code length} bytes of data file {@code name} from {@code offset}; throws
   * {@link java.io.EOFException} when the file is shorter.
   */
  byte[] readData(String name, long offset, int length) throws IOException;

  /**
   * The names of every published manifest, sorted; used to rebuild a {@link SharedFileRegistry}
   * after a restart. Manifests still being published are not listed.
   */
  java.util.List<String> listManifests() throws IOException;

  /** Deletes a manifest or data file; no error if absent. */
  void delete(String name) throws IOException;

  /** Checks a file name is flat and portable. */
  static String checkName(String name) {
    if (name == null || name.isEmpty() || !name.matches("[A-Za-z0-9._-]+") || name.startsWith(".")) {
      throw new IllegalArgumentException("snapshot file name '" + name + "' must match [A-Za-z0-9._-]+");
    }
    return name;
  }
}
