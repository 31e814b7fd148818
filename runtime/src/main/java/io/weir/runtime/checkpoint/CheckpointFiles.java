package io.weir.runtime.checkpoint;

import io.weir.state.snapshot.LocalDirectorySnapshotStorage;
import io.weir.state.snapshot.SnapshotStorage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files of a job's checkpoint storage by checkpoint: every file of checkpoint {@code n} is named
 * {@code chk-<n>-...}, so whatever a checkpoint left behind (published or not, acknowledged or not)
 * can be found and deleted once it is no longer needed.
 */
final class CheckpointFiles {
  private static final String MANIFEST_SUFFIX = ".manifest";
  private static final String IN_PROGRESS_SUFFIX = ".manifest.inprogress";

  private CheckpointFiles() {}

  /** A file in storage: its storage name and, for leftovers of interrupted publishing, its path. */
  record StoredFile(String name, long checkpointId, Path leftover) {}

  /** The checkpoint id a storage name belongs to, or -1 when it does not follow {@code chk-<n>-...}. */
  static long checkpointIdOf(String name) {
    if (!name.startsWith("chk-")) {
      return -1;
    }
    int end = name.indexOf('-', 4);
    if (end <= 4 || end - 4 > 18) {
      return -1;
    }
    for (int i = 4; i < end; i++) {
      if (!Character.isDigit(name.charAt(i))) {
        return -1;
      }
    }
    return Long.parseLong(name.substring(4, end));
  }

  /**
   * Every checkpoint file in {@code storage}. A local directory lists data files, manifests and
   * leftovers of interrupted manifest writes; other storages list only their published manifests
   * (data files are then found through the manifests that name them).
   */
  static List<StoredFile> list(SnapshotStorage storage) throws IOException {
    List<StoredFile> files = new ArrayList<>();
    if (storage instanceof LocalDirectorySnapshotStorage local) {
      try (Stream<Path> paths = Files.list(local.directory())) {
        for (Path path : paths.toList()) {
          String file = path.getFileName().toString();
          long id = checkpointIdOf(file);
          if (id < 0) {
            continue;
          }
          if (file.endsWith(IN_PROGRESS_SUFFIX)) {
            files.add(new StoredFile(file, id, path));
          } else if (file.endsWith(MANIFEST_SUFFIX)) {
            files.add(new StoredFile(file.substring(0, file.length() - MANIFEST_SUFFIX.length()), id, null));
          } else {
            files.add(new StoredFile(file, id, null));
          }
        }
      }
    } else {
      for (String name : storage.listManifests()) {
        long id = checkpointIdOf(name);
        if (id >= 0) {
          files.add(new StoredFile(name, id, null));
        }
      }
    }
    return files;
  }

  /** One more than the highest checkpoint id with files in {@code storage}; 1 when it holds none or cannot be read. */
  static long firstFreeId(SnapshotStorage storage) {
    try {
      return list(storage).stream().mapToLong(StoredFile::checkpointId).max().orElse(0) + 1;
    } catch (IOException | RuntimeException e) {
      org.slf4j.LoggerFactory.getLogger(CheckpointFiles.class)
          .warn("cannot list checkpoint storage {}; checkpoint ids start at 1", location(storage), e);
      return 1;
    }
  }

  /** Deletes {@code file} (a storage name, or a leftover path). */
  static void delete(SnapshotStorage storage, StoredFile file) throws IOException {
    if (file.leftover() != null) {
      Files.deleteIfExists(file.leftover());
    } else {
      storage.delete(file.name());
    }
  }

  /** The directory of a storage, as the location of its checkpoints; empty when it is not a local directory. */
  static String location(SnapshotStorage storage) {
    return storage instanceof LocalDirectorySnapshotStorage local ? local.directory().toString() : "";
  }
}
