package io.weir.runtime.checkpoint;

import io.weir.state.snapshot.SnapshotStorage;
import java.util.List;

/** The ids of the checkpoints whose metadata is published in a storage. */
final class RestorePlanIds {
  private RestorePlanIds() {}

  static List<Long> ids(SnapshotStorage storage) throws java.io.IOException {
    return storage.listManifests().stream().mapToLong(CheckpointMetadata::idOfMetadataName).filter(id -> id >= 0)
        .boxed().sorted().toList();
  }
}
