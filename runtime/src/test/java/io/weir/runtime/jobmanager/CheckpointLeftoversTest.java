package io.weir.runtime.jobmanager;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointLeftoversTest {
  @TempDir Path dir;

  private List<String> files() throws Exception {
    try (Stream<Path> list = Files.list(dir)) {
      return list.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void deletesOnlyFilesOfCheckpointsAfterTheRestoredOne() throws Exception {
    for (String name : List.of("chk-4-keyed-c0de-0", "chk-5-metadata.manifest", "chk-5-keyed-c0de-1-sst-3",
        "chk-6-keyed-c0de-0", "chk-6-op-77aa-0.manifest.inprogress", "chk-12-metadata.manifest", "chk-x-1", "notes.txt",
        "chk-60")) {
      Files.writeString(dir.resolve(name), name);
    }
    Files.createDirectory(dir.resolve("chk-9-dir"));
    assertEquals(3, CheckpointLeftovers.deleteAfter(dir, 5));
    assertEquals(List.of("chk-4-keyed-c0de-0", "chk-5-keyed-c0de-1-sst-3", "chk-5-metadata.manifest", "chk-60", "chk-9-dir",
        "chk-x-1", "notes.txt"), files());
    // without a restored checkpoint every checkpoint file goes, nothing else
    assertEquals(3, CheckpointLeftovers.deleteAfter(dir, 0));
    assertEquals(List.of("chk-60", "chk-9-dir", "chk-x-1", "notes.txt"), files());
  }

  @Test
  void aMissingDirectoryHasNothingToDelete() {
    assertEquals(0, CheckpointLeftovers.deleteAfter(dir.resolve("never-created"), 0));
  }
}
