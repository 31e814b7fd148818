package io.weir.state.rocksdb;

import io.weir.state.KeyGroupRange;
import io.weir.state.snapshot.KeyedSnapshotReader.Chunk;
import io.weir.state.snapshot.KeyedSnapshotReader.RestoredState;
import io.weir.state.snapshot.SnapshotFiles;
import io.weir.state.snapshot.SnapshotManifest;
import io.weir.state.snapshot.SnapshotManifest.StateInfo;
import io.weir.state.snapshot.SnapshotStorage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

/**
 * Reads a native (checkpoint) RocksDB snapshot as backend-neutral sections, for backends that do
 * not keep RocksDB files (the heap): downloads and verifies its files into a temporary directory,
 * opens them in a temporary read-only RocksDB and turns each state's entries in the wanted key
 * groups into {@link CanonicalSections}. The temporary database and directory are gone when this
 * returns or throws.
 */
public final class RocksNativeSections {
  private RocksNativeSections() {}

  /** The states of native snapshot {@code name} restricted to the key groups of {@code range}. */
  public static List<RestoredState> read(SnapshotStorage storage, String name, SnapshotManifest manifest,
      KeyGroupRange range) {
    int first = Math.max(range.first(), manifest.range().first());
    int last = Math.min(range.last(), manifest.range().last());
    if (first > last) {
      return List.of();
    }
    Path directory = null;
    try {
      directory = Files.createTempDirectory("weir-native-restore-");
      SnapshotFiles.download(storage, name, manifest, directory);
      List<String> names = manifest.states().stream().map(StateInfo::name).toList();
      List<RestoredState> states = new ArrayList<>();
      try (OpenDatabase db = OpenDatabase.openReadOnly(directory, names)) {
        for (StateInfo info : manifest.states()) {
          states.add(new RestoredState(info, chunks(db, db.columns().get(info.name()), info, first, last)));
        }
      }
      return states;
    } catch (IOException e) {
      throw new UncheckedIOException("reading native snapshot " + name + ": " + e.getMessage(), e);
    } catch (RocksDBException e) {
      throw new RocksDbStateException("cannot open native snapshot " + name + " read-only", e);
    } finally {
      if (directory != null) {
        LocalDirectories.deleteRecursively(directory);
      }
    }
  }

  private static List<Chunk> chunks(OpenDatabase db, ColumnFamilyHandle column, StateInfo info, int first, int last)
      throws IOException {
    List<Chunk> chunks = new ArrayList<>();
    CanonicalSections sections = new CanonicalSections(info.kind(),
        (keyGroup, bytes, length) -> chunks.add(new Chunk(keyGroup, Arrays.copyOf(bytes, length))));
    byte[] to = RocksKeys.keyGroupEnd(last);
    try (RocksIterator it = db.db.newIterator(column)) {
      for (it.seek(RocksKeys.keyGroupStart(first)); it.isValid() && Arrays.compareUnsigned(it.key(), to) < 0; it.next()) {
        sections.add(it.key(), it.value());
      }
    }
    sections.finish();
    return chunks;
  }
}
