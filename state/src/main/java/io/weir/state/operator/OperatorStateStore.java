package io.weir.state.operator;

import io.weir.state.ListState;
import io.weir.state.operator.OperatorStateManifest.StateSection;
import io.weir.state.serialization.BinaryInput;
import io.weir.state.serialization.BinaryOutput;
import io.weir.state.serialization.TypeSerializer;
import io.weir.state.snapshot.SnapshotCorruptedException;
import io.weir.state.snapshot.SnapshotManifest;
import io.weir.state.snapshot.SnapshotStorage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Non-keyed state of one operator instance (a source's read position, a sink's pending writes):
 * named list states, snapshotted asynchronously like keyed state and, on restore at another
 * parallelism, redistributed by each state's {@link Redistribution}. Only the task thread calls it.
 */
public final class OperatorStateStore {
  private record Registered(TypeSerializer<?> serializer, Redistribution mode, OperatorListState<?> state) {}

  /** Restored sections of one state, in old-subtask order, checksums verified. */
  private record Pending(Redistribution mode, String serializer, List<byte[]> sections) {}

  private final String operatorId;
  private final int subtask;
  private final int parallelism;
  private final Map<String, Registered> states = new LinkedHashMap<>();
  private Map<String, Pending> pending = new HashMap<>();

  public OperatorStateStore(String operatorId, int subtask, int parallelism) {
    if (subtask < 0 || subtask >= parallelism) {
      throw new IllegalArgumentException("subtask " + subtask + " outside [0, " + parallelism + ")");
    }
    this.operatorId = operatorId;
    this.subtask = subtask;
    this.parallelism = parallelism;
  }

  /** The list state {@code name}, filled with this instance's share of a restored snapshot. */
  @SuppressWarnings("unchecked")
  public <T> ListState<T> listState(String name, TypeSerializer<T> serializer, Redistribution mode) {
    Registered existing = states.get(name);
    if (existing != null) {
      if (existing.mode() != mode || !identity(existing.serializer()).equals(identity(serializer))) {
        throw new IllegalArgumentException("operator state '" + name + "' is already registered with "
            + existing.mode() + " and " + identity(existing.serializer()));
      }
      return (ListState<T>) existing.state();
    }
    OperatorListState<T> state = new OperatorListState<>();
    Pending restored = pending.remove(name);
    if (restored != null) {
      if (restored.mode() != mode || !restored.serializer().equals(identity(serializer))) {
        throw new IllegalStateException("operator state '" + name + "' was snapshotted with " + restored.mode()
            + " and " + restored.serializer() + ", now registered with " + mode + " and " + identity(serializer));
      }
      state.restore(share(decode(restored.sections(), serializer), mode));
    }
    states.put(name, new Registered(serializer, mode, state));
    return state;
  }

  /** Restored states not registered (yet): after binding, state the snapshot has but the code no longer declares. */
  public List<String> unclaimedRestoredStates() {
    return pending.keySet().stream().sorted().toList();
  }

  /** The names of the registered states, in registration order. */
  public List<String> stateNames() {
    return List.copyOf(states.keySet());
  }

  /** A copy of the elements of registered state {@code name} as they are now (for tests and diagnostics). */
  @SuppressWarnings("unchecked")
  public <T> List<T> elements(String name) {
    Registered registered = states.get(name);
    if (registered == null) {
      throw new IllegalArgumentException("operator " + operatorId + " has no operator state '" + name
          + "'; it has " + states.keySet());
    }
    List<T> copy = new ArrayList<>();
    ((ListState<T>) registered.state()).get().forEach(copy::add);
    return copy;
  }

  private static <T> List<T> decode(List<byte[]> sections, TypeSerializer<T> serializer) {
    List<T> all = new ArrayList<>();
    for (byte[] section : sections) {
      BinaryInput in = new BinaryInput(section);
      int count = in.readVarInt();
      for (int i = 0; i < count; i++) {
        all.add(serializer.deserialize(in));
      }
    }
    return all;
  }

  private <T> List<T> share(List<T> all, Redistribution mode) {
    if (mode == Redistribution.UNION) {
      return all;
    }
    int from = (int) ((long) subtask * all.size() / parallelism);
    int to = (int) ((long) (subtask + 1) * all.size() / parallelism);
    return all.subList(from, to);
  }

  /**
   * Starts a snapshot published as manifest {@code snapshotName}: the lists are frozen here, written
   * on {@code writer}. Completes exceptionally (with nothing published) if writing fails.
   */
  @SuppressWarnings("unchecked")
  public CompletableFuture<Void> snapshot(String snapshotName, SnapshotStorage storage, Executor writer) {
    SnapshotStorage.checkName(snapshotName);
    Map<String, List<Object>> frozen = new TreeMap<>();
    Map<String, Registered> registered = new HashMap<>(states);
    states.forEach((name, r) -> frozen.put(name, (List<Object>) r.state().freeze()));
    return CompletableFuture.runAsync(() -> write(snapshotName, storage, frozen, registered), writer);
  }

  @SuppressWarnings("unchecked")
  private void write(String snapshotName, SnapshotStorage storage, Map<String, List<Object>> frozen,
      Map<String, Registered> registered) {
    String dataFile = snapshotName + ".data";
    List<StateSection> sections = new ArrayList<>();
    BinaryOutput buffer = new BinaryOutput();
    try (OutputStream out = storage.createDataFile(dataFile)) {
      long offset = 0;
      for (Map.Entry<String, List<Object>> entry : frozen.entrySet()) {
        Registered r = registered.get(entry.getKey());
        TypeSerializer<Object> serializer = (TypeSerializer<Object>) r.serializer();
        buffer.clear();
        buffer.writeVarInt(entry.getValue().size());
        entry.getValue().forEach(e -> serializer.serialize(e, buffer));
        out.write(buffer.array(), 0, buffer.position());
        sections.add(new StateSection(entry.getKey(), r.mode(), identity(serializer), offset, buffer.position(),
            SnapshotManifest.crc(buffer.array(), buffer.position())));
        offset += buffer.position();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing operator state snapshot " + snapshotName + " of " + operatorId, e);
    }
    try { // only once the data file is durable
      storage.publishManifest(snapshotName,
          new OperatorStateManifest(operatorId, dataFile, subtask, parallelism, sections).encode());
    } catch (IOException e) {
      throw new UncheckedIOException("publishing operator state snapshot " + snapshotName + " of " + operatorId, e);
    }
  }

  /**
   * Restores from the snapshots of every old instance (any parallelism). Every checksum is verified
   * before anything is kept; states are filled as they are registered.
   */
  public void restore(SnapshotStorage storage, List<String> snapshotNames) {
    if (!states.isEmpty() || !pending.isEmpty()) {
      throw new IllegalStateException("operator " + operatorId + ": restore before registering any state, once");
    }
    List<OperatorStateManifest> manifests = new ArrayList<>();
    Map<OperatorStateManifest, String> names = new HashMap<>();
    for (String name : snapshotNames) {
      OperatorStateManifest manifest;
      try {
        manifest = OperatorStateManifest.decode(name, storage.readManifest(name));
      } catch (IOException e) {
        throw new SnapshotCorruptedException("snapshot manifest " + name + " cannot be read: " + e, e);
      }
      manifests.add(manifest);
      names.put(manifest, name);
    }
    manifests.sort(Comparator.comparingInt(OperatorStateManifest::subtask));
    Map<String, Pending> restored = new HashMap<>();
    for (OperatorStateManifest manifest : manifests) {
      for (StateSection section : manifest.states()) {
        Pending p = restored.computeIfAbsent(section.name(),
            n -> new Pending(section.mode(), section.serializer(), new ArrayList<>()));
        if (p.mode() != section.mode() || !p.serializer().equals(section.serializer())) {
          throw new SnapshotCorruptedException("snapshot " + names.get(manifest) + " disagrees with another on state '"
              + section.name() + "'");
        }
        p.sections().add(readSection(storage, manifest.dataFile(), section));
      }
    }
    pending = restored;
  }

  private static byte[] readSection(SnapshotStorage storage, String file, StateSection section) {
    byte[] bytes;
    try {
      bytes = storage.readData(file, section.offset(), section.length());
    } catch (IOException e) {
      throw new SnapshotCorruptedException("data file " + file + ", operator state '" + section.name()
          + "': cannot read " + section.length() + " bytes at " + section.offset() + " (truncated or missing)", e);
    }
    if (SnapshotManifest.crc(bytes, bytes.length) != section.crc32c()) {
      throw new SnapshotCorruptedException("data file " + file + ", operator state '" + section.name()
          + "': checksum mismatch, the snapshot is corrupted");
    }
    return bytes;
  }

  private static String identity(TypeSerializer<?> serializer) {
    return serializer.formatId() + "@" + serializer.formatVersion();
  }
}
