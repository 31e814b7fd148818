package io.weir.state.rocksdb;

import io.weir.state.KeyGroups;
import io.weir.state.backend.KeyedStateBackend;
import io.weir.state.backend.StateBackend;
import io.weir.state.heap.AllKinds;
import io.weir.state.serialization.StringSerializer;
import io.weir.state.snapshot.SharedFileRegistry;
import io.weir.state.snapshot.SnapshotManifest;
import io.weir.state.snapshot.SnapshotStorage;
import io.weir.state.snapshot.SnapshotType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The instances of one keyed operator at some parallelism on one backend, each with every state kind. */
final class KeyedInstances implements AutoCloseable {
  static final int MAX_PARALLELISM = 16;

  final List<KeyedStateBackend> backends = new ArrayList<>();
  final List<AllKinds> states = new ArrayList<>();
  final int parallelism;

  /** New instances, restored from {@code restoreFrom} in {@code storage} unless it is empty. */
  KeyedInstances(StateBackend backend, int parallelism, SnapshotStorage storage, List<String> restoreFrom) {
    this.parallelism = parallelism;
    try {
      for (int i = 0; i < parallelism; i++) {
        KeyedStateBackend b = backend.createKeyedBackend("op", KeyGroups.rangeFor(i, MAX_PARALLELISM, parallelism),
            MAX_PARALLELISM, StringSerializer.INSTANCE);
        backends.add(b);
        if (!restoreFrom.isEmpty()) {
          b.restore(storage, restoreFrom, StringSerializer.INSTANCE);
        }
        states.add(new AllKinds(b));
      }
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  static int keyGroup(String key) {
    return KeyGroups.keyGroupFor(key.hashCode(), MAX_PARALLELISM);
  }

  /** Makes {@code key} current on its owner and returns the owner's states. */
  AllKinds at(String key) {
    int group = keyGroup(key);
    int owner = KeyGroups.subtaskFor(group, MAX_PARALLELISM, parallelism);
    backends.get(owner).setCurrentKey(key, group);
    return states.get(owner);
  }

  /** Applies 1 + k % 5 updates, salted with {@code salt}, to keys {@code first} to {@code first + count - 1}. */
  KeyedInstances update(int first, int count, int salt) {
    for (int k = first; k < first + count; k++) {
      AllKinds s = at("key" + k);
      for (int n = 0; n <= k % 5; n++) {
        s.apply(k * 10 + n + salt);
      }
    }
    return this;
  }

  /** Every key's state among {@code keys} keys, as text. */
  Map<String, String> describe(int keys) {
    Map<String, String> all = new HashMap<>();
    for (int k = 0; k < keys; k++) {
      all.put("key" + k, at("key" + k).describe());
    }
    return all;
  }

  /** Snapshots every instance as {@code prefix-i} of {@code type}, on the calling thread; returns the names. */
  List<String> snapshot(String prefix, SharedFileRegistry registry, SnapshotType type) {
    snapshotManifests(prefix, registry, type);
    return names(prefix);
  }

  /** As {@link #snapshot}, returning the manifests in instance order. */
  List<SnapshotManifest> snapshotManifests(String prefix, SharedFileRegistry registry, SnapshotType type) {
    List<SnapshotManifest> manifests = new ArrayList<>();
    for (int i = 0; i < backends.size(); i++) {
      manifests.add(backends.get(i).snapshot(prefix + "-" + i, StringSerializer.INSTANCE, registry, Runnable::run, type)
          .join());
    }
    return manifests;
  }

  List<String> names(String prefix) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < backends.size(); i++) {
      names.add(prefix + "-" + i);
    }
    return names;
  }

  @Override
  public void close() {
    backends.forEach(KeyedStateBackend::close);
  }
}
