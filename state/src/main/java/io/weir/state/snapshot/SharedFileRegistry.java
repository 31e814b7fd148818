package io.weir.state.snapshot;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which published keyed-state snapshots reference which data files of one {@link SnapshotStorage},
 * so that a file shared by incremental snapshots is deleted only when no retained snapshot needs
 * it any more. A file's count is the number of registered manifests naming it plus the pins of
 * snapshots being written that mean to reuse it; the file is deleted when the count drops to zero.
 *
 * <p>Kept in memory and rebuilt from the published manifests after a restart ({@link #rebuild}):
 * the manifests are the truth, so there is nothing extra to keep durable. One registry per storage
 * and process; every method is thread-safe (a lock around each, including its storage calls, so a
 * discard cannot delete a file between a new snapshot pinning it and publishing its manifest).
 */
public final class SharedFileRegistry {
  private final SnapshotStorage storage;
  private final Map<String, List<String>> filesBySnapshot = new LinkedHashMap<>();
  private final Map<String, Integer> references = new HashMap<>();

  /** An empty registry, for storage holding no snapshots yet; otherwise use {@link #rebuild}. */
  public SharedFileRegistry(SnapshotStorage storage) {
    this.storage = storage;
  }

  /**
   * A registry of every keyed-state manifest published in {@code storage}. Manifests of other
   * kinds (operator state) are skipped; a damaged keyed-state manifest fails naming it, since
   * guessing its files could delete what it needs.
   */
  public static SharedFileRegistry rebuild(SnapshotStorage storage) throws IOException {
    SharedFileRegistry registry = new SharedFileRegistry(storage);
    for (String name : storage.listManifests()) {
      byte[] bytes = storage.readManifest(name);
      if (bytes.length >= 4 && new io.weir.state.serialization.BinaryInput(bytes, 0, 4).readInt() != SnapshotManifest.MAGIC) {
        continue;
      }
      registry.register(name, SnapshotManifest.decode(name, bytes));
    }
    return registry;
  }

  public SnapshotStorage storage() {
    return storage;
  }

  /** Fails if a retained snapshot is named {@code snapshotName}: publishing again would replace its manifest. */
  public synchronized void checkUnused(String snapshotName) {
    if (filesBySnapshot.containsKey(snapshotName)) {
      throw new IllegalStateException("snapshot " + snapshotName + " is already registered; names must be unique");
    }
  }

  /** Registers manifest {@code snapshotName}, already published, and counts its files. */
  public synchronized void register(String snapshotName, SnapshotManifest manifest) {
    if (filesBySnapshot.containsKey(snapshotName)) {
      throw new IllegalStateException("snapshot " + snapshotName + " is already registered");
    }
    List<String> files = List.copyOf(new TreeSet<>(manifest.dataFiles()));
    filesBySnapshot.put(snapshotName, files);
    files.forEach(file -> references.merge(file, 1, Integer::sum));
  }

  /**
   * Pins {@code file} for a snapshot being written, if a retained snapshot still references it:
   * then it stays until {@link #publish} or {@link #unpin}. False means the file is gone or going
   * and must be uploaded again.
   */
  public synchronized boolean pin(String file) {
    Integer count = references.get(file);
    if (count == null) {
      return false;
    }
    references.put(file, count + 1);
    return true;
  }

  /** Releases pins taken by a snapshot that failed; files nobody references any more are deleted. */
  public synchronized void unpin(Collection<String> pinned) throws IOException {
    for (String file : pinned) {
      release(file);
    }
  }

  /**
   * Publishes manifest {@code snapshotName}, counts its files and releases the pins it took on
   * files of earlier snapshots ({@code pinned}), atomically with respect to discards.
   */
  public synchronized void publish(String snapshotName, SnapshotManifest manifest, Collection<String> pinned)
      throws IOException {
    checkUnused(snapshotName);
    storage.publishManifest(snapshotName, manifest.encode());
    register(snapshotName, manifest);
    unpin(pinned);
  }

  /**
   * Deletes snapshot {@code snapshotName}: its manifest first (so no restore trusts it any more),
   * then each of its files no other retained snapshot references.
   *
   * @throws IllegalArgumentException when no such snapshot is registered
   */
  public synchronized void discard(String snapshotName) throws IOException {
    List<String> files = filesBySnapshot.get(snapshotName);
    if (files == null) {
      throw new IllegalArgumentException("no retained snapshot " + snapshotName + "; retained: " + filesBySnapshot.keySet());
    }
    storage.delete(snapshotName);
    filesBySnapshot.remove(snapshotName);
    for (String file : files) {
      release(file);
    }
  }

  /** Deletes data files written for a snapshot that failed, unless a registered snapshot references them. */
  public synchronized void deleteUnreferenced(Collection<String> files) throws IOException {
    for (String file : files) {
      if (!references.containsKey(file)) {
        storage.delete(file);
      }
    }
  }

  private void release(String file) throws IOException {
    int count = references.getOrDefault(file, 0) - 1;
    if (count > 0) {
      references.put(file, count);
    } else {
      references.remove(file);
      storage.delete(file);
    }
  }

  /** References to {@code file}: retained snapshots naming it plus pins; 0 when unknown or deleted. */
  public synchronized int references(String file) {
    return references.getOrDefault(file, 0);
  }

  /** Names of the retained snapshots, in registration order. */
  public synchronized List<String> snapshots() {
    return new ArrayList<>(filesBySnapshot.keySet());
  }

  /** Every data file some retained snapshot or pin references, sorted. */
  public synchronized Set<String> files() {
    return new TreeSet<>(references.keySet());
  }
}
