package io.weir.runtime.task;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.state.snapshot.LocalDirectorySnapshotStorage;
import io.weir.state.snapshot.SnapshotCorruptedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The channel-state file format alone: a round trip, and every kind of damage reported naming the file. */
class ChannelStateFileTest {
  static final String NAME = "chk-3-ch-count-1";
  @TempDir Path directory;
  LocalDirectorySnapshotStorage storage;
  final List<InFlightBuffer> buffers = List.of(
      new InFlightBuffer(0, 2, new byte[] {1, 2, 3}),
      new InFlightBuffer(1, 0, new byte[0]),
      new InFlightBuffer(0, 1, new byte[] {9}));

  @BeforeEach
  void write() throws Exception {
    storage = new LocalDirectorySnapshotStorage(directory);
    long written = ChannelStateFile.write(storage, NAME, buffers);
    assertTrue(written > 3 * 16 + 4, "headers, bytes and manifest: " + written);
  }

  @Test
  void roundTripKeepsOrderChannelsCountsAndBytes() {
    List<InFlightBuffer> read = ChannelStateFile.read(storage, NAME);
    assertEquals(buffers.size(), read.size());
    for (int i = 0; i < buffers.size(); i++) {
      assertEquals(buffers.get(i).channel(), read.get(i).channel());
      assertEquals(buffers.get(i).records(), read.get(i).records());
      assertArrayEquals(buffers.get(i).data(), read.get(i).data());
    }
  }

  @Test
  void aFlippedByteAnywhereInTheDataFileIsCaught() throws Exception {
    Path data = storage.dataPath(ChannelStateFile.dataFileOf(NAME));
    byte[] original = Files.readAllBytes(data);
    for (int i = 0; i < original.length; i++) { // headers (channel, count, length), bytes and checksums alike
      byte[] damaged = original.clone();
      damaged[i] ^= 0x01;
      Files.write(data, damaged);
      SnapshotCorruptedException e = assertThrows(SnapshotCorruptedException.class,
          () -> ChannelStateFile.read(storage, NAME), "byte " + i);
      assertTrue(e.getMessage().contains(ChannelStateFile.dataFileOf(NAME)), e.getMessage());
    }
  }

  @Test
  void aTruncatedDataFileOrManifestIsCaught() throws Exception {
    Path data = storage.dataPath(ChannelStateFile.dataFileOf(NAME));
    byte[] original = Files.readAllBytes(data);
    Files.write(data, Arrays.copyOf(original, original.length - 1));
    assertTrue(assertThrows(SnapshotCorruptedException.class, () -> ChannelStateFile.read(storage, NAME))
        .getMessage().contains("truncated"));
    Files.write(data, original);
    Path manifest = storage.manifestPath(NAME);
    byte[] bytes = Files.readAllBytes(manifest);
    Files.write(manifest, Arrays.copyOf(bytes, bytes.length - 2));
    assertTrue(assertThrows(SnapshotCorruptedException.class, () -> ChannelStateFile.read(storage, NAME))
        .getMessage().contains(NAME));
  }
}
