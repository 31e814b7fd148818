package io.weir.runtime.checkpoint;

import io.weir.runtime.checkpoint.CheckpointMetadata.SubtaskState;
import io.weir.runtime.checkpoint.CheckpointMetadata.VertexState;
import io.weir.runtime.graph.PhysicalGraph;
import io.weir.runtime.graph.TaskSpec;
import io.weir.runtime.plan.VertexPlan;
import io.weir.runtime.task.OperatorStateRestore;
import io.weir.runtime.task.SubtaskRestore;
import io.weir.state.snapshot.LocalDirectorySnapshotStorage;
import io.weir.state.snapshot.SnapshotStorage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * How a job resumes from a checkpoint or savepoint: its metadata read and checked against the new
 * job graph, then, per subtask, what to restore. State is matched by stable vertex ids. Keyed and
 * operator state restore at any parallelism (every old instance's snapshot is handed over, each
 * store keeps its share); in-flight buffers of an unaligned checkpoint only at the task's old
 * parallelism. Every mismatch fails here, before any task starts, with a message saying what to do.
 */
public final class RestorePlan {
  private static final String MANIFEST_SUFFIX = ".manifest";
  private final Path directory;
  private final SnapshotStorage storage;
  private final CheckpointMetadata metadata;
  private final PhysicalGraph graph;
  private final List<String> nonRestored;

  private RestorePlan(Path directory, SnapshotStorage storage, CheckpointMetadata metadata, PhysicalGraph graph,
      List<String> nonRestored) {
    this.directory = directory;
    this.storage = storage;
    this.metadata = metadata;
    this.graph = graph;
    this.nonRestored = List.copyOf(nonRestored);
  }

  /**
   * Reads the checkpoint or savepoint at {@code path} (its directory, taking the latest checkpoint
   * there, or its metadata file) and checks it fits {@code newGraph}.
   *
   * @param allowNonRestoredState skip state of vertices the new graph lacks instead of failing
   * @throws IllegalArgumentException when nothing restorable is there, or the state does not fit
   * @throws io.weir.state.snapshot.SnapshotCorruptedException when the metadata is damaged
   */
  public static RestorePlan load(Path path, PhysicalGraph newGraph, boolean allowNonRestoredState) {
    Path directory;
    String metadataName;
    if (Files.isRegularFile(path)) {
      String file = path.getFileName().toString();
      metadataName = file.endsWith(MANIFEST_SUFFIX) ? file.substring(0, file.length() - MANIFEST_SUFFIX.length()) : file;
      if (CheckpointMetadata.idOfMetadataName(metadataName) < 0) {
        throw new IllegalArgumentException(path + " is not checkpoint metadata (expected a file named chk-<n>-metadata"
            + MANIFEST_SUFFIX + ")");
      }
      directory = path.toAbsolutePath().getParent();
    } else if (Files.isDirectory(path)) {
      directory = path.toAbsolutePath();
      metadataName = latestMetadataName(directory).orElseThrow(() -> new IllegalArgumentException(
          "no complete checkpoint or savepoint in " + path + " (no chk-<n>-metadata" + MANIFEST_SUFFIX + " file)"
              + restorableBelow(directory)));
    } else {
      throw new IllegalArgumentException("no checkpoint or savepoint at " + path + ": no such file or directory");
    }
    SnapshotStorage storage;
    byte[] bytes;
    try {
      storage = new LocalDirectorySnapshotStorage(directory);
      bytes = storage.readManifest(metadataName);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("no checkpoint metadata " + directory.resolve(metadataName + MANIFEST_SUFFIX), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read checkpoint metadata "
          + directory.resolve(metadataName + MANIFEST_SUFFIX), e);
    }
    CheckpointMetadata metadata = CheckpointMetadataFormat.decode(
        directory.resolve(metadataName + MANIFEST_SUFFIX).toString(), bytes);
    return new RestorePlan(directory, storage, metadata, newGraph, check(metadata, newGraph, allowNonRestoredState, path));
  }

  /** The metadata file of the latest complete checkpoint in a job's checkpoint directory, for restarts. */
  public static Optional<Path> latestIn(Path jobCheckpointDirectory) {
    if (!Files.isDirectory(jobCheckpointDirectory)) {
      return Optional.empty();
    }
    return latestMetadataName(jobCheckpointDirectory).map(name -> jobCheckpointDirectory.resolve(name + MANIFEST_SUFFIX));
  }

  private static Optional<String> latestMetadataName(Path directory) {
    try (Stream<Path> files = Files.list(directory)) {
      String best = null;
      long bestId = -1;
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        if (!name.endsWith(MANIFEST_SUFFIX)) {
          continue;
        }
        name = name.substring(0, name.length() - MANIFEST_SUFFIX.length());
        long id = CheckpointMetadata.idOfMetadataName(name);
        if (id > bestId) {
          bestId = id;
          best = name;
        }
      }
      return Optional.ofNullable(best);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list checkpoint directory " + directory, e);
    }
  }

  /** A hint naming the subdirectories that hold checkpoints (the user passed their parent); empty when none. */
  private static String restorableBelow(Path directory) {
    try (Stream<Path> children = Files.list(directory)) {
      List<String> restorable = children.filter(Files::isDirectory)
          .filter(child -> latestMetadataName(child).isPresent())
          .map(child -> child.getFileName().toString()).sorted().toList();
      return restorable.isEmpty() ? "" : "; it holds checkpoint directories " + restorable + ": pass one of them";
    } catch (IOException | UncheckedIOException e) {
      return "";
    }
  }

  /** Checks the metadata fits the graph; returns the vertices whose state is skipped. */
  private static List<String> check(CheckpointMetadata metadata, PhysicalGraph graph, boolean allowNonRestored,
      Path path) {
    String what = describe(metadata) + " at " + path;
    int maxParallelism = graph.plan().maxParallelism();
    if (metadata.maxParallelism() != maxParallelism) {
      throw new IllegalArgumentException(what + " was taken with maxParallelism " + metadata.maxParallelism()
          + " but job '" + graph.plan().name() + "' now has maxParallelism " + maxParallelism
          + "; keyed state is split into that many key groups, so maxParallelism must stay "
          + metadata.maxParallelism());
    }
    List<String> missing = new ArrayList<>();
    for (VertexState old : metadata.vertices()) {
      if (old.hasState() && !hasVertex(graph, old.vertexId())) {
        missing.add(old.name() + " (" + old.vertexId() + ")");
      }
    }
    if (!missing.isEmpty() && !allowNonRestored) {
      throw new IllegalArgumentException(what + " has state of vertices job '" + graph.plan().name()
          + "' no longer has: " + String.join(", ", missing)
          + "; allow non-restored state (--allow-non-restored-state) to start without it");
    }
    for (VertexState old : metadata.vertices()) {
      if (!old.hasChannelState() || !hasVertex(graph, old.vertexId())) {
        continue;
      }
      TaskSpec task = graph.taskOf(old.vertexId());
      if (task.parallelism() != old.parallelism()) {
        throw new IllegalArgumentException(what + " is unaligned: it holds in-flight data of task " + old.name()
            + " at parallelism " + old.parallelism() + ", which can only be restored at that parallelism (the job "
            + "now runs it at " + task.parallelism() + "). To change parallelism, take a savepoint (aligned, "
            + "no in-flight data) and restore from it");
      }
      if (!task.head().id().equals(old.vertexId())) {
        throw new IllegalArgumentException(what + " is unaligned: it holds in-flight data received by " + old.name()
            + ", which no longer receives records over the network (its chaining changed). Restore from a "
            + "savepoint (aligned, no in-flight data) instead");
      }
    }
    return missing;
  }

  private static boolean hasVertex(PhysicalGraph graph, String vertexId) {
    return graph.plan().vertices().stream().anyMatch(v -> v.id().equals(vertexId));
  }

  private static String describe(CheckpointMetadata metadata) {
    return (metadata.type() == CheckpointType.SAVEPOINT ? "savepoint " : "checkpoint ") + metadata.checkpointId()
        + " of job '" + metadata.jobName() + "'";
  }

  /** What subtask {@code subtask} of {@code task} (of the new graph) restores; never null. */
  public SubtaskRestore forSubtask(TaskSpec task, int subtask) {
    if (subtask < 0 || subtask >= task.parallelism()) {
      throw new IllegalArgumentException(task + " has no subtask " + subtask);
    }
    Map<String, List<String>> keyed = new LinkedHashMap<>();
    Map<String, List<String>> operator = new LinkedHashMap<>();
    List<String> channel = List.of();
    for (VertexPlan vertex : task.vertices()) {
      VertexState old = metadata.vertex(vertex.id());
      if (old == null) {
        continue; // a new vertex starts empty
      }
      List<String> keyedNames = old.subtasks().stream().map(SubtaskState::keyedManifest).filter(n -> !n.isEmpty())
          .toList();
      List<String> operatorNames = old.subtasks().stream().map(SubtaskState::operatorManifest)
          .filter(n -> !n.isEmpty()).toList();
      if (!keyedNames.isEmpty()) {
        keyed.put(vertex.id(), keyedNames);
      }
      if (!operatorNames.isEmpty()) {
        operator.put(vertex.id(), operatorNames);
      }
      if (vertex == task.head() && old.hasChannelState()) {
        // checked at load: same parallelism, still the head
        String name = old.subtasks().get(subtask).channelState();
        channel = name.isEmpty() ? List.of() : List.of(name);
      }
    }
    OperatorStateRestore operatorState = operator.isEmpty() ? null : new OperatorStateRestore(storage, operator);
    return new SubtaskRestore(metadata.checkpointId(), storage, keyed, operatorState, channel);
  }

  public long checkpointId() {
    return metadata.checkpointId();
  }

  public CheckpointMetadata metadata() {
    return metadata;
  }

  /** The directory the checkpoint or savepoint lives in. */
  public Path directory() {
    return directory;
  }

  public SnapshotStorage storage() {
    return storage;
  }

  public PhysicalGraph graph() {
    return graph;
  }

  /** Vertices (name and id) whose state the new job does not restore because it lacks them. */
  public List<String> nonRestoredVertices() {
    return nonRestored;
  }

  /** The checkpoint resumed from, as the coordinator retains it. */
  CompletedCheckpoint asCompletedCheckpoint() {
    return new CompletedCheckpoint(metadata.checkpointId(), metadata.type(), directory.toString(),
        metadata.metadataName(), metadata.triggerMillis(), metadata.completedMillis(), metadata);
  }

  @Override
  public String toString() {
    return describe(metadata) + " in " + directory;
  }
}
