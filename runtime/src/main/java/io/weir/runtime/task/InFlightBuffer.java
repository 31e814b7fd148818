package io.weir.runtime.task;

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

  /** A copy of {@code length} bytes of {@code source}. */
  static InFlightBuffer copyOf(int channel, int records, byte[] source, int length) {
    byte[] copy = new byte[length];
    System.arraycopy(source, 0, copy, 0, length);
    return new InFlightBuffer(channel, records, copy);
  }
}
