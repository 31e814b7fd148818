package io.weir.runtime.task;

import io.weir.runtime.checkpoint.CheckpointOptions;
import io.weir.runtime.checkpoint.SubtaskCheckpointAck;
import io.weir.runtime.checkpoint.SubtaskCheckpointMetrics;
import io.weir.runtime.network.CheckpointBarrier;
import io.weir.state.snapshot.LocalDirectorySnapshotStorage;
import io.weir.state.snapshot.SharedFileRegistry;
import io.weir.state.snapshot.SnapshotManifest;
import io.weir.state.snapshot.SnapshotStorage;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Takes one subtask's part of checkpoints: on the task thread it freezes the chain's state
 * (keyed state of every keyed vertex, operator state of sources and sinks), then the
 * {@link TaskCheckpointing#writer} writes it, with the recorded in-flight buffers of an unaligned
 * checkpoint, and the subtask acknowledges once every file is published, or declines with the
 * reason when anything failed; the task keeps running either way.
 *
 * <p>Incremental keyed snapshots (RocksDB) reuse only files of snapshots this subtask was notified
 * complete of: each snapshot gets a fresh {@link SharedFileRegistry} holding just that base, and a
 * published snapshot becomes the base on {@link #notifyComplete}. Tasks never delete checkpoint
 * files; the coordinator does.
 */
final class ChainCheckpointer {
  /** A published keyed-state snapshot. */
  private record Published(String name, SnapshotManifest manifest) {}

  private final OperatorChain chain;
  private final TaskCheckpointing checkpointing;
  private final int task;
  private final int subtask;
  private final String headVertexId;
  private final Executor writer;
  /**
   * Per keyed vertex id: the incremental base, the newest snapshot notified complete (or the
   * snapshots restored from, until then). Task thread only.
   */
  private final Map<String, List<Published>> base = new TreeMap<>();
  /** Whether the restored snapshots were considered as a base yet (once, at the first checkpoint). */
  private boolean restoredBaseChecked;
  /** Keyed snapshots of acknowledged checkpoints not yet notified, by checkpoint id (filled by writer threads). */
  private final Map<Long, Map<String, Published>> acknowledged = new ConcurrentHashMap<>();

  ChainCheckpointer(SubtaskSetup setup, OperatorChain chain, TaskCheckpointing checkpointing) {
    this.chain = chain;
    this.checkpointing = checkpointing;
    this.task = setup.task().index();
    this.subtask = setup.subtaskIndex();
    this.headVertexId = setup.task().head().id();
    this.writer = checkpointing.writer();
  }

  /**
   * The task-thread part of {@code barrier}'s checkpoint; the rest runs on the writer. Returns
   * false when it failed at once (then the checkpoint is declined and the caller sends a cancel
   * marker downstream instead of the barrier).
   *
   * @param inFlight the buffers an unaligned checkpoint records, null for an aligned one
   */
  boolean snapshot(CheckpointBarrier barrier, long alignmentNanos, CompletableFuture<List<InFlightBuffer>> inFlight) {
    long id = barrier.checkpointId();
    long start = System.nanoTime();
    CheckpointOptions options = barrier.options();
    Map<String, CompletableFuture<Published>> keyed = new TreeMap<>();
    CompletableFuture<Map<String, String>> operatorState;
    SnapshotStorage storage;
    try {
      storage = checkpointing.storage().storageFor(options);
    } catch (Exception e) {
      decline(id, "snapshot failed on the task thread: " + describe(e));
      return false;
    }
    try {
      chain.preCommitSinks(id); // first: the operator state snapshot below holds the pre-committed handles
    } catch (RuntimeException e) { // a sink whose transaction failed half-way must not go on (SinkTransactions)
      decline(id, "a transactional sink failed to pre-commit: " + describe(e));
      throw e;
    }
    try {
      if (!options.isSavepoint()) {
        seedBaseFromRestore(storage);
      }
      for (ChainedOperator op : chain.operators()) {
        if (op.backend != null) {
          keyed.put(op.vertexId(), snapshotKeyed(op, "chk-" + id + "-keyed-" + op.vertexId() + "-" + subtask,
              storage, options.isSavepoint()));
        }
      }
      operatorState = chain.snapshotOperatorState("chk-" + id, storage, writer);
    } catch (Exception | LinkageError e) {
      keyed.values().forEach(f -> f.cancel(false));
      decline(id, "snapshot failed on the task thread: " + describe(e));
      return false;
    }
    long syncNanos = System.nanoTime() - start;
    long asyncStart = System.nanoTime();
    String channelName = "chk-" + id + "-ch-" + headVertexId + "-" + subtask;
    SnapshotStorage target = storage;
    CompletableFuture<ChannelState> channelState = inFlight == null
        ? CompletableFuture.completedFuture(ChannelState.NONE)
        : inFlight.thenApplyAsync(buffers -> ChannelState.write(target, channelName, buffers), writer);
    CompletableFuture<?>[] all = new CompletableFuture<?>[keyed.size() + 2];
    int i = 0;
    for (CompletableFuture<Published> f : keyed.values()) {
      all[i++] = f;
    }
    all[i++] = operatorState;
    all[i] = channelState;
    CompletableFuture.allOf(all).whenComplete((done, failure) -> {
      if (failure != null) {
        decline(id, reasonOf(failure));
        return;
      }
      try {
        acknowledge(id, options, keyed, operatorState.join(), channelState.join(),
            syncNanos, System.nanoTime() - asyncStart, alignmentNanos);
      } catch (RuntimeException e) {
        decline(id, "acknowledging failed: " + e);
      }
    });
    return true;
  }

  private CompletableFuture<Published> snapshotKeyed(ChainedOperator op, String name, SnapshotStorage storage,
      boolean savepoint) {
    if (savepoint) { // canonical, so any backend restores a savepoint
      return op.backend.snapshot(name, op.selector.keySerializer(), storage, writer)
          .thenApply(manifest -> new Published(name, manifest));
    }
    SharedFileRegistry registry = new SharedFileRegistry(storage);
    for (Published previous : base.getOrDefault(op.vertexId(), List.of())) {
      registry.register(previous.name(), previous.manifest());
    }
    return op.backend.snapshot(name, op.selector.keySerializer(), registry, writer)
        .thenApply(manifest -> new Published(name, manifest));
  }

  /**
   * Resuming from a checkpoint in the very storage new checkpoints go to: the restored snapshots are
   * the first incremental base (the coordinator keeps their files like a completed checkpoint's), so
   * the first checkpoint after a restore need not upload everything again. Elsewhere (a savepoint,
   * another directory) their files are not in this storage, so nothing is reused.
   */
  private void seedBaseFromRestore(SnapshotStorage storage) {
    if (restoredBaseChecked) {
      return;
    }
    restoredBaseChecked = true;
    SubtaskRestore restore = chain.restore();
    if (restore == null || !sameLocation(restore.storage(), storage)) {
      return;
    }
    Map<String, List<Published>> restored = new TreeMap<>();
    try {
      for (ChainedOperator op : chain.operators()) {
        List<Published> snapshots = new java.util.ArrayList<>();
        for (String name : restore.keyedOf(op.vertexId())) {
          snapshots.add(new Published(name, SnapshotManifest.decode(name, storage.readManifest(name))));
        }
        if (op.backend != null && !snapshots.isEmpty()) {
          restored.put(op.vertexId(), List.copyOf(snapshots));
        }
      }
    } catch (java.io.IOException | RuntimeException e) {
      return; // they restored a moment ago; if they cannot be read now, upload everything rather than guess
    }
    base.putAll(restored);
  }

  private static boolean sameLocation(SnapshotStorage a, SnapshotStorage b) {
    if (a == b) {
      return true;
    }
    return a instanceof LocalDirectorySnapshotStorage la && b instanceof LocalDirectorySnapshotStorage lb
        && la.directory().toAbsolutePath().normalize().equals(lb.directory().toAbsolutePath().normalize());
  }

  private void acknowledge(long id, CheckpointOptions options, Map<String, CompletableFuture<Published>> keyed,
      Map<String, String> operatorManifests, ChannelState channelState, long syncNanos, long asyncNanos,
      long alignmentNanos) {
    Map<String, String> keyedNames = new TreeMap<>();
    Map<String, Published> published = new TreeMap<>();
    long stateBytes = channelState.bytes();
    long writtenBytes = channelState.bytes();
    for (Map.Entry<String, CompletableFuture<Published>> e : keyed.entrySet()) {
      Published p = e.getValue().join();
      keyedNames.put(e.getKey(), p.name());
      published.put(e.getKey(), p);
      stateBytes += keyedBytes(p.manifest());
      writtenBytes += keyedBytesWrittenBy(p.name(), p.manifest());
    }
    if (!options.isSavepoint()) {
      acknowledged.put(id, published); // before the ack: the notification can only follow it
    }
    SubtaskCheckpointMetrics metrics = new SubtaskCheckpointMetrics(millis(syncNanos), millis(asyncNanos),
        millis(alignmentNanos), stateBytes, writtenBytes, channelState.inFlightBytes());
    checkpointing.responder().acknowledge(new SubtaskCheckpointAck(id, task, subtask, keyedNames, operatorManifests,
        channelState.name(), metrics));
  }

  /**
   * Checkpoint {@code id} completed: transactional sinks commit up to it, and its keyed snapshots
   * become the incremental base (task thread).
   */
  void notifyComplete(long id) {
    chain.commitSinks(id);
    Map<String, Published> done = acknowledged.remove(id);
    if (done != null) {
      done.forEach((vertex, published) -> base.put(vertex, List.of(published)));
      restoredBaseChecked = true; // a completed checkpoint replaces the restored base for good
    }
    acknowledged.keySet().removeIf(older -> older < id); // subsumed: never completes now
  }

  /** Checkpoint {@code id} was aborted: what it published is forgotten, never reused. */
  void notifyAborted(long id) {
    acknowledged.remove(id);
  }

  /** Declines checkpoint {@code id} through the responder. Thread-safe. */
  void decline(long id, String reason) {
    checkpointing.responder().decline(id, task, subtask, reason);
  }

  private static String reasonOf(Throwable failure) {
    Throwable cause = failure;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof InFlightRecording.Aborted) {
      return cause.getMessage();
    }
    return "snapshot failed: " + describe(cause);
  }

  /** The failure with its causes, so the decline says what went wrong at the bottom (disk full, ...). */
  static String describe(Throwable failure) {
    StringBuilder text = new StringBuilder(failure.toString());
    Throwable c = failure.getCause();
    for (int depth = 0; c != null && depth < 8; depth++, c = c.getCause()) { // bounded: cause chains may loop
      text.append("; caused by ").append(c);
    }
    return text.toString();
  }

  /** Bytes of state the snapshot refers to, shared files included. */
  private static long keyedBytes(SnapshotManifest manifest) {
    long bytes = 0;
    if (manifest.format() == SnapshotManifest.Format.CANONICAL) {
      for (SnapshotManifest.Section s : manifest.sections()) {
        bytes += s.length();
      }
    } else {
      for (SnapshotManifest.DataFile f : manifest.files()) {
        bytes += f.size();
      }
    }
    return bytes;
  }

  /**
   * Bytes snapshot {@code name} wrote itself: all of a canonical one; of a native (incremental)
   * one only the files uploaded under its own name, not those it reuses from earlier snapshots.
   */
  private static long keyedBytesWrittenBy(String name, SnapshotManifest manifest) {
    if (manifest.format() == SnapshotManifest.Format.CANONICAL) {
      return keyedBytes(manifest);
    }
    long bytes = 0;
    for (SnapshotManifest.DataFile f : manifest.files()) {
      if (f.name().startsWith(name + "-")) {
        bytes += f.size();
      }
    }
    return bytes;
  }

  private static long millis(long nanos) {
    return TimeUnit.NANOSECONDS.toMillis(nanos);
  }

  /** The stored in-flight buffers: manifest name ("" for none), bytes written, bytes of buffers. */
  private record ChannelState(String name, long bytes, long inFlightBytes) {
    static final ChannelState NONE = new ChannelState("", 0, 0);

    static ChannelState write(SnapshotStorage storage, String name, List<InFlightBuffer> buffers) {
      if (buffers.isEmpty()) {
        return NONE;
      }
      long inFlight = 0;
      for (InFlightBuffer b : buffers) {
        inFlight += b.data().length;
      }
      try {
        return new ChannelState(name, ChannelStateFile.write(storage, name, buffers), inFlight);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException("writing channel state " + name + ": " + e.getMessage(), e);
      }
    }
  }
}
