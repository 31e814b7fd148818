package io.weir.runtime.task;

import io.weir.runtime.network.NetworkBuffer;

/**
 * A copy of one data buffer that was in flight when an unaligned checkpoint was taken: records
 * that precede the checkpoint's cut on their channel but had not been processed when the snapshot
 * froze the state. A copy, because the network buffer goes back to its pool once processed.
 *
 * @param channel the channel's index at the subtask's input gate
 * @param records number of serialized records in {@code data}
 * @param data the records, serialized as on the channel
 */
record InFlightBuffer(int channel, int records, byte[] data) {

  /**
   * A copy of {@code buffer}'s records as bytes: its serialized bytes, or, for a buffer that hands
   * over objects, the objects serialized now (on the task thread; the stored data is always bytes).
   */
  static InFlightBuffer of(NetworkBuffer buffer) {
    return new InFlightBuffer(buffer.channel(), buffer.records(), buffer.serializedCopy());
  }
}
