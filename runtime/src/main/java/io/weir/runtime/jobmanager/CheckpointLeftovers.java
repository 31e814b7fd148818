package io.weir.runtime.jobmanager;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Before a restarted attempt starts, deletes what the failed one left in the job's checkpoint
 * directory from checkpoints after the one the new attempt restores: aborted or half-written
 * snapshots, which nothing references (a checkpoint only refers to files of itself and earlier
 * ones). Their names would otherwise collide with the new attempt's checkpoints, which continue
 * numbering after the restored one, and task files are created exclusively. Only the JobManager
 * deletes checkpoint files; every process of the old attempt has stopped by then.
 */
final class CheckpointLeftovers {
  private static final Logger LOG = LoggerFactory.getLogger(CheckpointLeftovers.class);
  private static final Pattern CHECKPOINT_FILE = Pattern.compile("chk-(\\d{1,18})-.+");

  private CheckpointLeftovers() {}

  /** Deletes every {@code chk-<n>-...} file with n above {@code restoredId} (0: all); returns how many. */
  static int deleteAfter(Path jobCheckpointDirectory, long restoredId) {
    if (!Files.isDirectory(jobCheckpointDirectory)) {
      return 0;
    }
    int deleted = 0;
    try (Stream<Path> files = Files.list(jobCheckpointDirectory)) {
      for (Path file : files.toList()) {
        Matcher m = CHECKPOINT_FILE.matcher(file.getFileName().toString());
        if (m.matches() && Long.parseLong(m.group(1)) > restoredId && Files.isRegularFile(file)) {
          try {
            deleted += Files.deleteIfExists(file) ? 1 : 0;
          } catch (IOException e) {
            LOG.warn("could not delete checkpoint leftover {}: {}", file, e.toString());
          }
        }
      }
    } catch (IOException e) {
      LOG.warn("could not list checkpoint directory {} for leftovers: {}", jobCheckpointDirectory, e.toString());
    }
    if (deleted > 0) {
      LOG.info("deleted {} file(s) of checkpoints after {} in {}", deleted, restoredId, jobCheckpointDirectory);
    }
    return deleted;
  }
}
