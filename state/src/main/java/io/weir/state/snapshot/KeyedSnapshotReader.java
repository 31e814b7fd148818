package io.weir.state.snapshot;

import io.weir.state.KeyGroupRange;
import io.weir.state.serialization.TypeSerializer;
import io.weir.state.snapshot.SnapshotManifest.Section;
import io.weir.state.snapshot.SnapshotManifest.StateInfo;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the keyed-state snapshots of any number of instances for one new instance: fetches every
 * (state, key group) section in its key-group range, so a rescaled instance picks its groups out
 * of several old instances' snapshots, and verifies every checksum before returning anything, so
 * a damaged snapshot fails the restore as a whole. Backends decode the sections when the operator
 * registers each state, since only then are its serializers known. The section format is shared
 * by all backends, so a snapshot of one backend restores into another.
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
      for (Section section : manifest.sections()) {
        if (!range.contains(section.keyGroup())) {
          continue;
        }
        StateInfo info = manifest.states().get(section.state());
        RestoredState state = restored.computeIfAbsent(info.name(), n -> new RestoredState(info, new ArrayList<>()));
        if (!state.info().equals(info)) {
          throw new SnapshotCorruptedException("snapshot " + name + " has " + info + ", another snapshot "
              + state.info());
        }
        state.chunks().add(new Chunk(section.keyGroup(), readSection(storage, manifest.dataFile(), section)));
      }
    }
    return restored;
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
