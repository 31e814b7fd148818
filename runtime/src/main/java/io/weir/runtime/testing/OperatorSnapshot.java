package io.weir.runtime.testing;

import io.weir.state.snapshot.SnapshotStorage;
import java.util.List;
import java.util.Map;

/**
 * A snapshot of an operator under test, taken by {@link OperatorHarness#snapshot}, to restore into
 * a fresh harness with {@link OperatorHarness#restoreFrom}.
 *
 * @param storage where the snapshot was published
 * @param snapshotNames the manifests (one per instance)
 * @param keyGroups the key group of every key the harness saw, so the restored harness can read
 *     their state by key
 */
public record OperatorSnapshot(SnapshotStorage storage, List<String> snapshotNames, Map<Object, Integer> keyGroups) {
  public OperatorSnapshot {
    snapshotNames = List.copyOf(snapshotNames);
    keyGroups = Map.copyOf(keyGroups);
  }
}
