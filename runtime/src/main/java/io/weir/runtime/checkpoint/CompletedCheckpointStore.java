package io.weir.runtime.checkpoint;

import io.weir.runtime.checkpoint.CheckpointFiles.StoredFile;
import io.weir.state.snapshot.SharedFileRegistry;
import io.weir.state.snapshot.SnapshotManifest;
import io.weir.state.snapshot.SnapshotStorage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last {@code retained} completed checkpoints of a job, and the deletion of everything older.
 *
 * <p>When a checkpoint completes, its keyed manifests are registered in a {@link SharedFileRegistry}
 * and every older checkpoint that is not kept is deleted: its keyed snapshots are discarded from the
 * registry (which deletes a file only when no retained snapshot references it any more, so shared
 * incremental RocksDB files stay), then every other file named {@code chk-<m>-...} (metadata first,
 * then operator state, channel state and leftovers of aborted checkpoints) unless a retained
 * snapshot references it. A checkpoint is kept while retained or while a pending checkpoint may
 * still reference its files ({@code protectedIds}). Aborted checkpoints thus lose their files at the
 * next completion, never earlier.
 *
 * <p>Bookkeeping is confined to the coordinator's thread; reading manifests and deleting run on the
 * io executor, one cleanup after another, and failures are logged, never thrown.
 */
final class CompletedCheckpointStore {
  private static final Logger LOG = LoggerFactory.getLogger(CompletedCheckpointStore.class);
  private final SnapshotStorage storage;
  private final int retained;
  private final Executor io;
  private final Deque<CompletedCheckpoint> checkpoints = new ArrayDeque<>();
  private final SharedFileRegistry registry;
  private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);
  /** Set (on the io side) when a retained checkpoint could not be registered: deleting could then remove its files. */
  private volatile String unsafeToDelete;
  /** Files of earlier checkpoints that checkpoints being finalized reference, pinned until they complete or abort (io side). */
  private final java.util.Map<Long, List<String>> pinnedByCheckpoint = new java.util.concurrent.ConcurrentHashMap<>();

  CompletedCheckpointStore(SnapshotStorage storage, int retained, Executor io) {
    this.storage = storage;
    this.retained = retained;
    this.io = io;
    this.registry = new SharedFileRegistry(storage);
  }

  /** The retained checkpoints, oldest first. */
  List<CompletedCheckpoint> all() {
    return List.copyOf(checkpoints);
  }

  Optional<CompletedCheckpoint> latest() {
    return Optional.ofNullable(checkpoints.peekLast());
  }

  Set<Long> retainedIds() {
    Set<Long> ids = new HashSet<>();
    checkpoints.forEach(c -> ids.add(c.id()));
    return ids;
  }

  /**
   * A checkpoint the job resumed from that lives in this storage: retained like a completed one (its
   * files stay while new incremental snapshots may reference them), subsumed by later completions.
   */
  void addRestored(CompletedCheckpoint checkpoint) {
    checkpoints.addLast(checkpoint);
    onIo(() -> register(checkpoint));
  }

  /**
   * Adds a completed checkpoint, drops the oldest beyond {@code retained}, and deletes on the io
   * executor what no kept checkpoint needs. {@code protectedIds}: pending checkpoints and the
   * checkpoints they may reference.
   */
  void add(CompletedCheckpoint checkpoint, Set<Long> protectedIds) {
    checkpoints.addLast(checkpoint);
    while (checkpoints.size() > retained) {
      checkpoints.removeFirst();
    }
    Set<Long> keep = new HashSet<>(protectedIds);
    keep.addAll(retainedIds());
    long newest = checkpoint.id();
    onIo(() -> {
      register(checkpoint);
      unpin(checkpoint.id()); // registered now: its shared files are counted by its manifests
      deleteOlderThan(newest, keep);
    });
  }

  /**
   * Runs before checkpoint {@code id}'s metadata is published, after every deletion queued so far:
   * checks that each data file its keyed snapshots {@code keyedManifests} share with earlier
   * checkpoints is still kept, and pins those files so no later deletion removes them before the
   * checkpoint completes ({@link #add}) or aborts ({@link #releasePins}). A task bases incremental
   * snapshots on the last checkpoint it heard completed; one that heard late may name files
   * already deleted, and such a checkpoint must abort rather than complete unrestorable. Completes
   * with null, or with the reason the checkpoint cannot complete.
   */
  CompletableFuture<String> verifyAndPin(long id, List<String> keyedManifests) {
    CompletableFuture<String> verdict = new CompletableFuture<>();
    onIo(() -> {
      String reason;
      try {
        reason = pinShared(id, keyedManifests);
      } catch (RuntimeException e) {
        reason = "its shared files could not be checked: " + e;
      }
      verdict.complete(reason);
    });
    // did not run (the io executor is shut down): the checkpoint must not wait forever
    tail.whenComplete((v, e) -> verdict.complete("its shared files could not be checked: the io executor stopped"));
    return verdict;
  }

  /** Releases the pins of a checkpoint that aborted after {@link #verifyAndPin}. */
  void releasePins(long id) {
    onIo(() -> unpin(id));
  }

  private String pinShared(long id, List<String> keyedManifests) {
    if (unsafeToDelete != null) {
      return null; // nothing is deleted any more: every file stays
    }
    List<String> pinned = new ArrayList<>();
    for (String name : keyedManifests) {
      SnapshotManifest manifest;
      try {
        manifest = SnapshotManifest.decode(name, storage.readManifest(name));
      } catch (Exception e) {
        unpinQuietly(pinned);
        return "its keyed manifest " + name + " cannot be read: " + e;
      }
      for (String file : manifest.dataFiles()) {
        if (CheckpointFiles.checkpointIdOf(file) == id) {
          continue; // written for this checkpoint: kept while it is pending
        }
        if (!registry.pin(file)) {
          unpinQuietly(pinned);
          return "keyed snapshot " + name + " reuses " + file + ", which belongs to a checkpoint deleted meanwhile"
              + " (the subtask had not yet heard of the newer completions); the next checkpoint uploads it again";
        }
        pinned.add(file);
      }
    }
    pinnedByCheckpoint.put(id, pinned);
    return null;
  }

  private void unpin(long id) {
    List<String> pinned = pinnedByCheckpoint.remove(id);
    if (pinned != null) {
      unpinQuietly(pinned);
    }
  }

  private void unpinQuietly(List<String> pinned) {
    try {
      registry.unpin(pinned);
    } catch (Exception e) {
      LOG.warn("could not delete checkpoint files no checkpoint references any more in {}",
          CheckpointFiles.location(storage), e);
    }
  }

  /**
   * The job has ended and no subtask writes any more: deletes every file of checkpoints that are
   * not retained, whatever their id (aborted ones, and ones the end interrupted).
   */
  void discardAllButRetained() {
    Set<Long> keep = retainedIds();
    onIo(() -> deleteOlderThan(Long.MAX_VALUE, keep));
  }

  /** Completes when every cleanup queued so far has run (for tests and orderly shutdown). */
  CompletableFuture<Void> idle() {
    return tail;
  }

  /** Runs {@code work} on the io executor after the previous cleanup; never fails the chain. */
  private void onIo(Runnable work) {
    tail = tail.thenRunAsync(work, io).exceptionally(failure -> {
      LOG.error("checkpoint cleanup in {} failed; old checkpoint files may remain", CheckpointFiles.location(storage),
          failure);
      return null;
    });
  }

  private void register(CompletedCheckpoint checkpoint) {
    for (String name : checkpoint.metadata().keyedManifests()) {
      if (registry.snapshots().contains(name)) {
        continue;
      }
      try {
        registry.register(name, SnapshotManifest.decode(name, storage.readManifest(name)));
      } catch (Exception e) {
        unsafeToDelete = "keyed manifest " + name + " of " + checkpoint + " could not be read (" + e + ")";
        LOG.error("cannot track the files of {}: keyed manifest {} unreadable; old checkpoint files will no longer "
            + "be deleted, to be safe", checkpoint, name, e);
      }
    }
  }

  /** Deletes every file of checkpoints older than {@code newest} that are not in {@code keep}. */
  private void deleteOlderThan(long newest, Set<Long> keep) {
    if (unsafeToDelete != null) {
      LOG.warn("not deleting old checkpoint files: {}", unsafeToDelete);
      return;
    }
    for (String snapshot : registry.snapshots()) {
      long id = CheckpointFiles.checkpointIdOf(snapshot);
      if (id >= 0 && id < newest && !keep.contains(id)) {
        try {
          registry.discard(snapshot);
        } catch (Exception e) {
          LOG.warn("could not delete keyed snapshot {} of checkpoint {}", snapshot, id, e);
        }
      }
    }
    List<StoredFile> files;
    try {
      files = CheckpointFiles.list(storage);
    } catch (Exception e) {
      LOG.warn("could not list checkpoint files in {}", CheckpointFiles.location(storage), e);
      return;
    }
    Set<String> referenced = registry.files();
    List<StoredFile> doomed = new ArrayList<>();
    for (StoredFile file : files) {
      if (file.checkpointId() < newest && !keep.contains(file.checkpointId()) && !referenced.contains(file.name())) {
        // metadata first: a checkpoint whose deletion is interrupted must not look restorable
        if (CheckpointMetadata.idOfMetadataName(file.name()) >= 0) {
          doomed.add(0, file);
        } else {
          doomed.add(file);
        }
      }
    }
    for (StoredFile file : doomed) {
      try {
        CheckpointFiles.delete(storage, file);
      } catch (Exception e) {
        LOG.warn("could not delete checkpoint file {} in {}", file.name(), CheckpointFiles.location(storage), e);
      }
    }
    if (!doomed.isEmpty()) {
      LOG.debug("deleted {} files of checkpoints before {} in {}", doomed.size(), newest,
          CheckpointFiles.location(storage));
    }
  }
}
