package io.weir.state.snapshot;

import io.weir.state.KeyGroupRange;
import io.weir.state.rocksdb.RocksNativeSections;
import io.weir.state.serialization.TypeSerializer;
import io.weir.state.snapshot.SnapshotManifest.Section;
import io.weir.state.snapshot.SnapshotManifest.StateInfo;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the keyed-state snapshots of any number of instances for one new instance: fetches every
 * (state, key group) section in its key-group range, so a rescaled instance picks its groups out
 * of several old instances' snapshots, and verifies every checksum before returning anything, so
 * a damaged snapshot fails the restore as a whole. Backends decode the sections when the operator
 * registers each state, since only then are its serializers known. The section format is shared
 * by all backends, so a snapshot of one backend restores into another; native RocksDB snapshots
 * are turned into the same sections through a temporary read-only RocksDB
 * ({@link RocksNativeSections}), so they restore into the heap too.
 */
public final class KeyedSnapshotReader {
  /** Verified bytes of one (state, key group) section: a count, then key and value per entry. */
  public record Chunk(int keyGroup, byte[] bytes) {}

  /** One restored state: what the snapshot says it is, and its sections. */
  public record RestoredState(StateInfo info, List<Chunk> chunks) {}

  private KeyedSnapshotReader() {}

  /** The restored states by name; see the class comment. */
  public static Map<String, RestoredState> read(SnapshotStorage storage, List<String> snapshotNames,
      KeyGroupRange range, int maxParallelism, TypeSerializer<?> keySerializer) {
    Map<String, RestoredState> restored = new HashMap<>();
    for (Map.Entry<String, SnapshotManifest> named
        : readManifests(storage, snapshotNames, maxParallelism, keySerializer).entrySet()) {
      String name = named.getKey();
      SnapshotManifest manifest = named.getValue();
      if (manifest.format() == SnapshotManifest.Format.NATIVE_ROCKSDB) {
        // RocksDB files are read through a temporary read-only RocksDB into the same sections.
        for (RestoredState state : RocksNativeSections.read(storage, name, manifest, range)) {
          merge(restored, name, state.info()).chunks().addAll(state.chunks());
        }
        continue;
      }
      for (Section section : manifest.sections()) {
        if (!range.contains(section.keyGroup())) {
          continue;
        }
        StateInfo info = manifest.states().get(section.state());
        merge(restored, name, info).chunks()
            .add(new Chunk(section.keyGroup(), readSection(storage, manifest.dataFile(), section)));
      }
    }
    return restored;
  }

  private static RestoredState merge(Map<String, RestoredState> restored, String snapshot, StateInfo info) {
    RestoredState state = restored.computeIfAbsent(info.name(), n -> new RestoredState(info, new ArrayList<>()));
    if (!state.info().equals(info)) {
      throw new SnapshotCorruptedException("snapshot " + snapshot + " has " + info + ", another snapshot "
          + state.info());
    }
    return state;
  }

  /**
   * The manifests {@code snapshotNames}, in that order, each checked to be readable, of keys that
   * {@code keySerializer} reads, and of {@code maxParallelism}.
   */
  public static Map<String, SnapshotManifest> readManifests(SnapshotStorage storage, List<String> snapshotNames,
      int maxParallelism, TypeSerializer<?> keySerializer) {
    Map<String, SnapshotManifest> manifests = new LinkedHashMap<>();
    String keyIdentity = keySerializer.formatId() + "@" + keySerializer.formatVersion();
    for (String name : snapshotNames) {
      SnapshotManifest manifest = SnapshotManifest.decode(name, readManifest(storage, name));
      if (manifest.maxParallelism() != maxParallelism) {
        throw new SnapshotCorruptedException("snapshot " + name + " has max parallelism "
            + manifest.maxParallelism() + ", the job now " + maxParallelism + ": key groups would not match");
      }
      if (!manifest.keySerializer().equals(keyIdentity)) {
        throw new SnapshotCorruptedException("snapshot " + name + " wrote keys with " + manifest.keySerializer()
            + ", the operator now reads them with " + keyIdentity);
      }
      manifests.put(name, manifest);
    }
    return manifests;
  }

  private static byte[] readManifest(SnapshotStorage storage, String name) {
    try {
      return storage.readManifest(name);
    } catch (IOException e) {
      throw new SnapshotCorruptedException("snapshot manifest " + name + " cannot be read: " + e, e);
    }
  }

  private static byte[] readSection(SnapshotStorage storage, String file, Section section) {
    byte[] bytes;
    try {
      bytes = storage.readData(file, section.offset(), section.length());
    } catch (IOException e) {
      throw new SnapshotCorruptedException("data file " + file + ", key group " + section.keyGroup()
          + ": cannot read " + section.length() + " bytes at " + section.offset() + " (truncated or missing): " + e, e);
    }
    if (SnapshotManifest.crc(bytes, bytes.length) != section.crc32c()) {
      throw new SnapshotCorruptedException("data file " + file + ", key group " + section.keyGroup()
          + ": checksum mismatch, the snapshot is corrupted");
    }
    return bytes;
  }

  /** Fails unless a restored state matches the descriptor the operator registers it with. */
  public static void checkMatches(StateInfo info, io.weir.state.backend.StateDescriptor<?> descriptor) {
    if (info.kind() != descriptor.kind() || !info.serializers().equals(descriptor.formatIdentity())) {
      throw new IllegalStateException("state '" + descriptor.name() + "' was snapshotted as " + info.kind()
          + " with serializers " + info.serializers() + ", but is now registered as " + descriptor.kind()
          + " with " + descriptor.formatIdentity());
    }
  }
}
