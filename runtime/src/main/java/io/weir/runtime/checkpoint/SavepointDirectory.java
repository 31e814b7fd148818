package io.weir.runtime.checkpoint;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Makes the fresh directory of one savepoint: {@code <target>/savepoint-<jobName>-<id>-<6 hex>}. The
 * random suffix keeps savepoints of jobs with the same name (or a restarted job reusing ids) apart;
 * creating the directory (not just resolving it) guarantees no other savepoint writes there.
 */
final class SavepointDirectory {
  private static final SecureRandom RANDOM = new SecureRandom();

  private SavepointDirectory() {}

  static Path create(String target, String jobName, long checkpointId) throws IOException {
    if (target == null || target.isBlank()) {
      throw new IllegalArgumentException("a savepoint needs a target directory");
    }
    Path parent = Files.createDirectories(Path.of(target).toAbsolutePath().normalize());
    for (int attempt = 0; ; attempt++) {
      byte[] suffix = new byte[3];
      RANDOM.nextBytes(suffix);
      Path directory = parent.resolve("savepoint-" + flat(jobName) + "-" + checkpointId + "-"
          + HexFormat.of().formatHex(suffix));
      try {
        return Files.createDirectory(directory);
      } catch (FileAlreadyExistsException taken) {
        if (attempt == 10) {
          throw taken;
        }
      }
    }
  }

  /** Deletes the directory of a savepoint that failed, with whatever its subtasks wrote, on {@code io}. */
  static void deleteFailed(Path directory, java.util.concurrent.Executor io) {
    try {
      io.execute(() -> delete(directory));
    } catch (java.util.concurrent.RejectedExecutionException e) {
      org.slf4j.LoggerFactory.getLogger(SavepointDirectory.class)
          .warn("failed savepoint directory {} left behind: the io executor is shut down", directory);
    }
  }

  private static void delete(Path directory) {
    try (java.util.stream.Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      org.slf4j.LoggerFactory.getLogger(SavepointDirectory.class)
          .warn("could not delete the directory {} of a failed savepoint", directory, e);
    }
  }

  /** The job name with every character outside [A-Za-z0-9._-] replaced, so the name stays portable. */
  static String flat(String jobName) {
    String flat = jobName.replaceAll("[^A-Za-z0-9._-]", "_");
    return flat.isEmpty() ? "job" : flat;
  }
}
