package io.weir.state.rocksdb;

import io.weir.state.snapshot.LocalDirectorySnapshotStorage;
import io.weir.state.snapshot.SnapshotStorage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/** Local snapshot storage that remembers which data files were created, to count uploads. */
final class CountingStorage implements SnapshotStorage {
  final LocalDirectorySnapshotStorage local;
  private final List<String> created = new ArrayList<>();
  private volatile java.util.function.Predicate<String> failing = name -> false;

  CountingStorage(LocalDirectorySnapshotStorage local) {
    this.local = local;
  }

  /** Makes creating data files whose names {@code failing} accepts throw, as a full disk would. */
  void failCreating(java.util.function.Predicate<String> failing) {
    this.failing = failing;
  }

  /** Names of the data files created since the last call, then forgets them. */
  synchronized List<String> drainCreated() {
    List<String> names = List.copyOf(created);
    created.clear();
    return names;
  }

  @Override
  public OutputStream createDataFile(String name) throws IOException {
    if (failing.test(name)) {
      throw new IOException("injected failure creating " + name);
    }
    synchronized (this) {
      created.add(name);
    }
    return local.createDataFile(name);
  }

  @Override
  public void publishManifest(String name, byte[] bytes) throws IOException {
    local.publishManifest(name, bytes);
  }

  @Override
  public byte[] readManifest(String name) throws IOException {
    return local.readManifest(name);
  }

  @Override
  public byte[] readData(String name, long offset, int length) throws IOException {
    return local.readData(name, offset, length);
  }

  @Override
  public List<String> listManifests() throws IOException {
    return local.listManifests();
  }

  @Override
  public void delete(String name) throws IOException {
    local.delete(name);
  }
}
