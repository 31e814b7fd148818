package io.weir.runtime.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.runtime.checkpoint.CheckpointMetadata.SubtaskState;
import io.weir.runtime.checkpoint.CheckpointMetadata.VertexState;
import io.weir.runtime.graph.PhysicalGraph;
import io.weir.state.snapshot.LocalDirectorySnapshotStorage;
import io.weir.state.snapshot.SnapshotCorruptedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointMetadataFormatTest {
  @TempDir Path temp;

  private static CheckpointMetadata sample() {
    return new CheckpointMetadata("click-sessions", 42, CheckpointType.SAVEPOINT, 1_700_000_000_000L,
        1_700_000_000_250L, 128, List.of(
            new VertexState("3f2a", "Lines", 2, true, List.of(
                new SubtaskState("", "chk-42-op-3f2a-0", "", new SubtaskCheckpointMetrics(1, 2, 0, 10, 10, 0)),
                new SubtaskState("", "chk-42-op-3f2a-1", "", new SubtaskCheckpointMetrics(3, 4, 0, 20, 5, 0)))),
            new VertexState("c0de", "Count \u00e9", 1, true, List.of(
                new SubtaskState("chk-42-keyed-c0de-0", "", "chk-42-ch-c0de-0",
                    new SubtaskCheckpointMetrics(5, 6, 7, 300, 100, 64)))),
            new VertexState("77aa", "Print", 1, false, List.of(SubtaskState.EMPTY))));
  }

  @Test
  void roundTripsEveryField() {
    CheckpointMetadata metadata = sample();
    CheckpointMetadata read = CheckpointMetadataFormat.decode("f", CheckpointMetadataFormat.encode(metadata));
    assertEquals(metadata, read);
    assertEquals(330, read.stateBytes());
    assertEquals(115, read.writtenBytes());
    assertEquals(64, read.inFlightBytes());
    assertEquals(List.of("chk-42-keyed-c0de-0"), read.keyedManifests());
  }

  @Test
  void everyFlippedByteIsDetectedNamingTheFile() {
    byte[] bytes = CheckpointMetadataFormat.encode(sample());
    for (int i = 0; i < bytes.length; i++) {
      byte[] damaged = bytes.clone();
      damaged[i] ^= 0x10;
      SnapshotCorruptedException e = assertThrows(SnapshotCorruptedException.class,
          () -> CheckpointMetadataFormat.decode("/x/chk-42-metadata.manifest", damaged), "flipped byte " + i);
      assertTrue(e.getMessage().contains("/x/chk-42-metadata.manifest"), e.getMessage());
    }
  }

  @Test
  void everyTruncationIsDetected() {
    byte[] bytes = CheckpointMetadataFormat.encode(sample());
    for (int length = 0; length < bytes.length; length++) {
      byte[] truncated = Arrays.copyOf(bytes, length);
      SnapshotCorruptedException e = assertThrows(SnapshotCorruptedException.class,
          () -> CheckpointMetadataFormat.decode("meta", truncated), "length " + length);
      assertTrue(e.getMessage().contains("meta"));
    }
  }

  @Test
  void anotherKindOfFileIsNotTakenForMetadata() {
    byte[] bytes = "operator state, not metadata".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    SnapshotCorruptedException e = assertThrows(SnapshotCorruptedException.class,
        () -> CheckpointMetadataFormat.decode("other", bytes));
    assertTrue(e.getMessage().contains("is not Weir checkpoint metadata"), e.getMessage());
  }

  @Test
  void aDamagedMetadataFileFailsTheRestoreNamingIt() throws Exception {
    PhysicalGraph graph = CheckpointTestPlans.graph(CheckpointTestPlans.plan("lines", 128), 2);
    LocalDirectorySnapshotStorage storage = new LocalDirectorySnapshotStorage(temp.resolve("job"));
    CheckpointTestPlans.write(graph, storage, 3, CheckpointType.CHECKPOINT, false);
    Path file = storage.manifestPath("chk-3-metadata");
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 1;
    Files.write(file, bytes);
    SnapshotCorruptedException flipped = assertThrows(SnapshotCorruptedException.class,
        () -> RestorePlan.load(storage.directory(), graph, false));
    assertTrue(flipped.getMessage().contains(file.toString()), flipped.getMessage());

    Files.write(file, Arrays.copyOf(bytes, bytes.length - 9));
    SnapshotCorruptedException truncated = assertThrows(SnapshotCorruptedException.class,
        () -> RestorePlan.load(file, graph, false));
    assertTrue(truncated.getMessage().contains(file.toString()), truncated.getMessage());
  }
}
