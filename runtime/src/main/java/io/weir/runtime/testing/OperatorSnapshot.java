package io.weir.runtime.testing;

import io.weir.state.snapshot.SnapshotStorage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A snapshot of an operator, source or sink under test, taken by {@link OperatorHarness#snapshot}
 * or {@link SourceHarness#snapshot}, to restore into a fresh harness with {@code restoreFrom}.
 * Snapshots of several instances of one vertex are {@linkplain #combine combined} to restore at
 * another parallelism (taken at one checkpoint, as a job's instances are).
 *
 * @param storage where the snapshot was published
 * @param snapshotNames the keyed state manifests (one per instance; empty when not keyed)
 * @param keyGroups the key group of every key the harness saw, so the restored harness can read
 *     their state by key
 * @param operatorStateNames the operator state manifests (one per instance; empty when the
 *     vertex declares no operator state)
 * @param checkpointId the checkpoint the snapshot was taken at (a transactional sink pre-committed
 *     its open transaction for it); 0 when it was not taken at a checkpoint
 */
public record OperatorSnapshot(SnapshotStorage storage, List<String> snapshotNames, Map<Object, Integer> keyGroups,
    List<String> operatorStateNames, long checkpointId) {

  public OperatorSnapshot {
    snapshotNames = List.copyOf(snapshotNames);
    keyGroups = Map.copyOf(keyGroups);
    operatorStateNames = List.copyOf(operatorStateNames);
  }

  /** A snapshot not taken at a checkpoint. */
  public OperatorSnapshot(SnapshotStorage storage, List<String> snapshotNames, Map<Object, Integer> keyGroups,
      List<String> operatorStateNames) {
    this(storage, snapshotNames, keyGroups, operatorStateNames, 0);
  }

  /** A snapshot of keyed state only. */
  public OperatorSnapshot(SnapshotStorage storage, List<String> snapshotNames, Map<Object, Integer> keyGroups) {
    this(storage, snapshotNames, keyGroups, List.of());
  }

  /**
   * The snapshot of all of {@code parts}, e.g. of every instance of a source that ran at
   * parallelism 3; restoring it at parallelism 2 hands each new instance its share.
   */
  public static OperatorSnapshot combine(List<OperatorSnapshot> parts) {
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("nothing to combine");
    }
    SnapshotStorage storage = parts.get(0).storage();
    List<String> keyed = new ArrayList<>();
    List<String> operator = new ArrayList<>();
    Map<Object, Integer> keyGroups = new HashMap<>();
    long checkpointId = 0;
    for (OperatorSnapshot part : parts) {
      if (part.storage() != storage) {
        throw new IllegalArgumentException("snapshots to combine must share one storage");
      }
      keyed.addAll(part.snapshotNames());
      operator.addAll(part.operatorStateNames());
      keyGroups.putAll(part.keyGroups());
      checkpointId = Math.max(checkpointId, part.checkpointId());
    }
    return new OperatorSnapshot(storage, keyed, keyGroups, operator, checkpointId);
  }

  /** {@link #combine(List)} of the given parts. */
  public static OperatorSnapshot combine(OperatorSnapshot... parts) {
    return combine(List.of(parts));
  }
}
