package io.weir.state.rocksdb;

import io.weir.state.snapshot.SharedFileRegistry;
import io.weir.state.snapshot.SnapshotFiles;
import io.weir.state.snapshot.SnapshotManifest;
import io.weir.state.snapshot.SnapshotManifest.DataFile;
import io.weir.state.snapshot.SnapshotStorage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.rocksdb.Checkpoint;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.FlushOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

/**
 * The writer-thread half of an incremental RocksDB snapshot: uploads the files of a checkpoint
 * the task thread created, publishes the manifest, and deletes the checkpoint directory.
 *
 * <p>An SST file's name in RocksDB never gets other content, so a file an earlier snapshot of this
 * instance uploaded (same local name and size) is referenced, not uploaded again, provided
 * {@link SharedFileRegistry#pin} confirms a retained snapshot still holds it. Every other file
 * (new SSTs, and the small MANIFEST, CURRENT and OPTIONS files) is uploaded as
 * {@code <snapshot>-<local name>} with its CRC-32C. On failure the pins are released and this
 * snapshot's uploads deleted, so nothing half-written stays referenced.
 */
final class RocksCheckpointUpload {
  private final String snapshotName;
  private final Path checkpoint;
  private final SnapshotManifest template;
  private final Map<String, DataFile> previous;
  private final SharedFileRegistry registry;

  RocksCheckpointUpload(String snapshotName, Path checkpoint, SnapshotManifest template,
      Map<String, DataFile> previous, SharedFileRegistry registry) {
    this.snapshotName = snapshotName;
    this.checkpoint = checkpoint;
    this.template = template;
    this.previous = previous;
    this.registry = registry;
  }

  /**
   * The task-thread half: flushes the memtables (the write-ahead log is off, so that is where the
   * latest updates are) and hard-links the live files into {@code checkpoint}, which must not exist.
   * Later writes go to new files, so they never reach the checkpoint.
   */
  static void createCheckpoint(RocksDB db, Collection<ColumnFamilyHandle> columns, FlushOptions flush, Path checkpoint,
      String what) {
    try {
      Files.createDirectories(checkpoint.getParent());
      if (!columns.isEmpty()) {
        db.flush(flush, new ArrayList<>(columns));
      }
      try (Checkpoint creator = Checkpoint.create(db)) {
        creator.createCheckpoint(checkpoint.toString());
      }
    } catch (RocksDBException | IOException e) {
      LocalDirectories.deleteRecursively(checkpoint);
      throw new RocksDbStateException("cannot create the checkpoint of " + what + " in " + checkpoint, e);
    }
  }

  SnapshotManifest run() {
    List<String> pinned = new ArrayList<>();
    List<String> uploaded = new ArrayList<>();
    try {
      SnapshotStorage storage = registry.storage();
      List<DataFile> files = new ArrayList<>();
      for (Path file : checkpointFiles()) {
        String local = file.getFileName().toString();
        DataFile known = local.endsWith(".sst") ? previous.get(local) : null;
        if (known != null && known.size() == Files.size(file) && registry.pin(known.name())) {
          pinned.add(known.name());
          files.add(known);
          continue;
        }
        String name = snapshotName + "-" + local;
        uploaded.add(name);
        files.add(SnapshotFiles.upload(storage, file, name));
      }
      SnapshotManifest manifest = new SnapshotManifest(template.operatorId(), template.backend(), "",
          template.keySerializer(), template.maxParallelism(), template.range(), template.states(), List.of(),
          SnapshotManifest.Format.NATIVE_ROCKSDB, files);
      registry.publish(snapshotName, manifest, pinned);
      return manifest;
    } catch (IOException | RuntimeException e) {
      try {
        registry.unpin(pinned);
        registry.deleteUnreferenced(uploaded);
      } catch (IOException | RuntimeException cleanup) {
        e.addSuppressed(cleanup);
      }
      if (e instanceof IOException io) {
        throw new UncheckedIOException("uploading snapshot " + snapshotName + " of operator "
            + template.operatorId() + ": " + io.getMessage(), io);
      }
      throw (RuntimeException) e;
    } finally {
      LocalDirectories.deleteRecursively(checkpoint);
    }
  }

  private List<Path> checkpointFiles() throws IOException {
    try (Stream<Path> files = Files.list(checkpoint)) {
      return files.filter(Files::isRegularFile).sorted().toList();
    }
  }
}
