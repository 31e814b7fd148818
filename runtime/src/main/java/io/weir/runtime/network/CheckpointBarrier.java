package io.weir.runtime.network;

import io.weir.runtime.checkpoint.CheckpointOptions;

/**
 * Marks the cut of checkpoint {@link #checkpointId()} in a channel's stream: the records before it
 * belong to the snapshot, the records after it do not. Sources emit it between two records when the
 * coordinator triggers them; every other task forwards it once it has taken its own snapshot.
 *
 * <p>An unaligned barrier may overtake data buffers of its own channel that were queued before it
 * (in the producer's outbound queue, or in the consumer's gate). {@link #overtaken()} counts them, so
 * that the consumer records exactly those buffers as in-flight data of the checkpoint: they follow
 * the barrier on the channel but belong before the cut. Aligned barriers never overtake (always 0).
 *
 * @param timestampMillis when the coordinator triggered the checkpoint (wall clock, for metrics only)
 */
public record CheckpointBarrier(long checkpointId, long timestampMillis, CheckpointOptions options, int overtaken)
    implements ChannelEvent {

  public CheckpointBarrier {
    if (checkpointId < 1) {
      throw new IllegalArgumentException("checkpoint ids start at 1, got " + checkpointId);
    }
    if (options == null) {
      throw new IllegalArgumentException("options are null");
    }
    if (overtaken < 0) {
      throw new IllegalArgumentException("overtaken must not be negative, got " + overtaken);
    }
  }

  /** A barrier as the coordinator triggers it: nothing overtaken yet. */
  public CheckpointBarrier(long checkpointId, long timestampMillis, CheckpointOptions options) {
    this(checkpointId, timestampMillis, options, 0);
  }

  /** This barrier after it overtook {@code more} further data buffers of its channel. */
  public CheckpointBarrier overtook(int more) {
    return more == 0 ? this : new CheckpointBarrier(checkpointId, timestampMillis, options, overtaken + more);
  }

  /** Whether it may overtake buffers (travels with priority). */
  public boolean isPriority() {
    return options.unaligned();
  }
}
