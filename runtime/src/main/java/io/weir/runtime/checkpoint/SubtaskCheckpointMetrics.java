package io.weir.runtime.checkpoint;

import io.weir.state.serialization.BinaryInput;
import io.weir.state.serialization.BinaryOutput;

/**
 * What one subtask's part of a checkpoint cost.
 *
 * @param syncMillis time on the task thread: freezing state, pre-committing sinks, source positions
 * @param asyncMillis time of the background writing, until every file was published
 * @param alignmentMillis from the first barrier to the last (0 for sources and single-input tasks)
 * @param stateBytes bytes of state the snapshot refers to (shared files included)
 * @param writtenBytes bytes this checkpoint wrote (the incremental size; equal to stateBytes for
 *     full snapshots)
 * @param inFlightBytes bytes of in-flight buffers stored with an unaligned snapshot
 */
public record SubtaskCheckpointMetrics(long syncMillis, long asyncMillis, long alignmentMillis, long stateBytes,
    long writtenBytes, long inFlightBytes) {

  public static final SubtaskCheckpointMetrics NONE = new SubtaskCheckpointMetrics(0, 0, 0, 0, 0, 0);

  /** Writes the six figures as longs, in declaration order: the form the metadata and the RPC ack share. */
  public void writeTo(BinaryOutput out) {
    out.writeLong(syncMillis);
    out.writeLong(asyncMillis);
    out.writeLong(alignmentMillis);
    out.writeLong(stateBytes);
    out.writeLong(writtenBytes);
    out.writeLong(inFlightBytes);
  }

  /** Reads what {@link #writeTo} wrote. */
  public static SubtaskCheckpointMetrics readFrom(BinaryInput in) {
    return new SubtaskCheckpointMetrics(in.readLong(), in.readLong(), in.readLong(), in.readLong(), in.readLong(),
        in.readLong());
  }
}
