package io.weir.state.rocksdb;

import io.weir.state.KeyGroupRange;
import io.weir.state.backend.KeyedStateBackend;
import io.weir.state.backend.StateBackend;
import io.weir.state.serialization.TypeSerializer;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps keyed state in RocksDB on local disk: bounded by disk, not heap. Each operator instance
 * gets its own database under {@code workingDirectory}, which is local scratch space, separate
 * from snapshot storage, and deleted when the instance closes. Needs the key serializer, so use
 * {@link #createKeyedBackend(String, KeyGroupRange, int, TypeSerializer)}.
 *
 * <p>Snapshots are {@link io.weir.state.snapshot.SnapshotType#FULL} (backend-neutral, restorable
 * into any backend) or {@link io.weir.state.snapshot.SnapshotType#INCREMENTAL} (RocksDB checkpoints
 * whose SST files are shared between snapshots through a
 * {@link io.weir.state.snapshot.SharedFileRegistry}; restorable into RocksDB at any parallelism and
 * into the heap). {@link RocksDbOptions#snapshotType()} picks the default.
 */
public final class RocksDbStateBackend implements StateBackend {
  public static final String NAME = "rocksdb";
  private static final AtomicLong INSTANCES = new AtomicLong();

  private final Path workingDirectory;
  private final RocksDbOptions options;

  public RocksDbStateBackend(Path workingDirectory) {
    this(workingDirectory, RocksDbOptions.defaults());
  }

  public RocksDbStateBackend(Path workingDirectory, RocksDbOptions options) {
    this.workingDirectory = workingDirectory;
    this.options = options;
  }

  @Override
  public String name() {
    return NAME;
  }

  /** Always fails: RocksDB stores keys as bytes and needs the four-argument form. */
  @Override
  public KeyedStateBackend createKeyedBackend(String operatorId, KeyGroupRange range, int maxParallelism) {
    throw new UnsupportedOperationException("the RocksDB backend needs the key serializer: call "
        + "createKeyedBackend(operatorId, range, maxParallelism, keySerializer)");
  }

  @Override
  public KeyedStateBackend createKeyedBackend(
      String operatorId, KeyGroupRange range, int maxParallelism, TypeSerializer<?> keySerializer) {
    Path directory = workingDirectory.resolve(operatorId + "-" + range.first() + "-" + range.last() + "-"
        + ProcessHandle.current().pid() + "-" + INSTANCES.incrementAndGet());
    return new RocksDbKeyedStateBackend(operatorId, range, maxParallelism, keySerializer, directory, options);
  }
}
