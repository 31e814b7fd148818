package io.weir.runtime.wiring;

/**
 * Sizes of a producing subtask's buffer pool: {@code buffersPerChannel} for each outgoing channel
 * plus {@code floating}, of {@code bufferSize} bytes each. At least one buffer per channel is what
 * keeps a producer that holds a partly filled buffer for every channel able to make progress; the
 * rest lets it fill one buffer while others are in flight. {@code handOverObjects}: channels into
 * subtasks of this process hand over the objects of immutable types instead of bytes
 * ({@link io.weir.runtime.network.RecordWriter#handOverObjects}).
 */
public record BufferSettings(int bufferSize, int buffersPerChannel, int floatingBuffers, boolean handOverObjects) {
  /** Settings that hand over objects where they can. */
  public BufferSettings(int bufferSize, int buffersPerChannel, int floatingBuffers) {
    this(bufferSize, buffersPerChannel, floatingBuffers, true);
  }

  public BufferSettings {
    if (bufferSize < 64 || buffersPerChannel < 1 || floatingBuffers < 0) {
      throw new IllegalArgumentException("bad buffer settings: " + bufferSize + " bytes, " + buffersPerChannel
          + " per channel, " + floatingBuffers + " floating");
    }
  }

  /** Pool capacity of a subtask with {@code channels} outgoing channels. */
  public int poolCapacity(int channels) {
    return channels * buffersPerChannel + floatingBuffers;
  }
}
