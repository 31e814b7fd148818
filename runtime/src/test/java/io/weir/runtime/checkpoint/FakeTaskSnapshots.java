package io.weir.runtime.checkpoint;

import io.weir.runtime.graph.PhysicalGraph;
import io.weir.runtime.graph.TaskSpec;
import io.weir.runtime.plan.VertexKind;
import io.weir.runtime.plan.VertexPlan;
import io.weir.state.KeyGroupRange;
import io.weir.state.snapshot.SnapshotManifest;
import io.weir.state.snapshot.SnapshotManifest.DataFile;
import io.weir.state.snapshot.SnapshotStorage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes what subtasks would write for a checkpoint, following the naming contract: per keyed
 * vertex a native (incremental) keyed manifest {@code chk-<n>-keyed-<vertex>-<subtask>} naming its own
 * new file plus any shared files of earlier checkpoints; per source an operator state manifest
 * {@code chk-<n>-op-<vertex>-<subtask>} with its data file; optionally channel state.
 */
final class FakeTaskSnapshots {
  private final PhysicalGraph graph;
  private final SnapshotStorage storage;

  FakeTaskSnapshots(PhysicalGraph graph, SnapshotStorage storage) {
    this.graph = graph;
    this.storage = storage;
  }

  /** Writes and returns subtask {@code subtask} of {@code task}'s part of checkpoint {@code id}. */
  SubtaskCheckpointAck write(long id, TaskSpec task, int subtask, List<String> sharedFiles, boolean channelState)
      throws IOException {
    String prefix = "chk-" + id + "-";
    Map<String, String> keyed = new TreeMap<>();
    Map<String, String> operator = new TreeMap<>();
    for (VertexPlan vertex : task.vertices()) {
      if (vertex.keyed()) {
        String name = prefix + "keyed-" + vertex.id() + "-" + subtask;
        List<DataFile> files = new ArrayList<>();
        for (String shared : sharedFiles) {
          files.add(new DataFile(shared, shared, 1, 0));
        }
        String own = name + "-000001.sst";
        data(own);
        files.add(new DataFile(own, "000001.sst", 1, 0));
        SnapshotManifest manifest = new SnapshotManifest(vertex.id(), "rocksdb", "", "string", 128,
            new KeyGroupRange(0, 127), List.of(), List.of(), SnapshotManifest.Format.NATIVE_ROCKSDB, files);
        storage.publishManifest(name, manifest.encode());
        keyed.put(vertex.id(), name);
      }
      if (vertex.kind() == VertexKind.SOURCE) {
        String name = prefix + "op-" + vertex.id() + "-" + subtask;
        data(name + ".data");
        storage.publishManifest(name, "operator state".getBytes(StandardCharsets.UTF_8));
        operator.put(vertex.id(), name);
      }
    }
    String channel = "";
    if (channelState) {
      channel = prefix + "ch-" + task.head().id() + "-" + subtask;
      data(channel + "-0");
      storage.publishManifest(channel, "channel state".getBytes(StandardCharsets.UTF_8));
    }
    return new SubtaskCheckpointAck(id, task.index(), subtask, keyed, operator, channel,
        new SubtaskCheckpointMetrics(1 + subtask, 10 + subtask, task.index(), 100, 40, channelState ? 7 : 0));
  }

  /** Acknowledges every subtask of checkpoint {@code id} (files written first). */
  void acknowledgeAll(CheckpointCoordinator coordinator, long id, List<String> sharedFiles) throws IOException {
    writeAll(id, sharedFiles).forEach(coordinator::acknowledge);
  }

  /** Writes every subtask's part of checkpoint {@code id}; returns the acknowledgements to send. */
  List<SubtaskCheckpointAck> writeAll(long id, List<String> sharedFiles) throws IOException {
    List<SubtaskCheckpointAck> acks = new ArrayList<>();
    for (TaskSpec task : graph.tasks()) {
      for (int s = 0; s < task.parallelism(); s++) {
        acks.add(write(id, task, s, sharedFiles, false));
      }
    }
    return acks;
  }

  /** Writes a data file of one byte. */
  void data(String name) throws IOException {
    try (OutputStream out = storage.createDataFile(name)) {
      out.write(1);
    }
  }
}
