package io.weir.runtime.checkpoint;

/**
 * A checkpoint or savepoint whose metadata is published: the job can restore from it.
 *
 * @param location the directory it lives in (the job's checkpoint directory, or the savepoint's own);
 *     {@link RestorePlan#load} takes it
 * @param metadataName the manifest name of its metadata in that directory's storage
 * @param metadata what it consists of
 */
public record CompletedCheckpoint(long id, CheckpointType type, String location, String metadataName,
    long triggerMillis, long completedMillis, CheckpointMetadata metadata) {

  public CompletedCheckpoint {
    if (type == null || location == null || metadataName == null || metadata == null) {
      throw new IllegalArgumentException("type, location, metadata name and metadata are required");
    }
  }

  public boolean isSavepoint() {
    return type == CheckpointType.SAVEPOINT;
  }

  public long durationMillis() {
    return completedMillis - triggerMillis;
  }

  /** Bytes of state it refers to, shared incremental files included. */
  public long stateBytes() {
    return metadata.stateBytes();
  }

  /** Bytes this checkpoint wrote itself. */
  public long writtenBytes() {
    return metadata.writtenBytes();
  }

  /** Bytes of in-flight buffers stored by unaligned snapshots. */
  public long inFlightBytes() {
    return metadata.inFlightBytes();
  }

  @Override
  public String toString() {
    return (isSavepoint() ? "savepoint " : "checkpoint ") + id + " at " + location;
  }
}
