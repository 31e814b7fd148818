package io.weir.runtime.network;

/**
 * Where one channel's buffers go: the consuming subtask's {@link InputGate} when it runs in this
 * process, or the data plane's connection to the TaskManager that runs it. A {@link RecordWriter}
 * only ever hands buffers to a target, so it does not know which of the two it feeds.
 *
 * <p>Called by the producing task thread only, one channel's buffers in order. A data buffer
 * handed over belongs to the target, which recycles it into its pool once the bytes are consumed
 * (read by the local consumer, or written to the socket); that recycling is what bounds a
 * producer's buffers in flight, and so what backpressures it.
 */
public interface ChannelTarget {
  /** Ships {@code buffer} (data or event) to the channel; {@link NetworkBuffer#channel()} is already set. */
  void add(NetworkBuffer buffer);

  /**
   * Ships a priority event (an unaligned {@link CheckpointBarrier}) ahead of the data buffers this
   * target still holds for the channel, counting those it overtakes into the barrier it passes on.
   * Targets that hold nothing back add it normally.
   */
  default void addPriority(NetworkBuffer event) {
    add(event);
  }

  /**
   * Whether the consumer runs in this process and reads buffers straight from this target, so a
   * buffer may carry record objects ({@link NetworkBuffer#holdsObjects()}) instead of bytes.
   * False, the default, for anything that has to put the bytes on a wire.
   */
  default boolean inProcess() {
    return false;
  }
}
