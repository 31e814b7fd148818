package io.weir.runtime.network;

/**
 * A unit of exchange between a producing and a consuming subtask: either a slice of serialized
 * records (whole records only, {@link #records()} of them) or a {@link ChannelEvent}. Data buffers
 * come from, and go back to, the producer's {@link BufferPool}; events are allocated per use (they
 * are rare) and never count against a pool, so an event can always be sent.
 */
public final class NetworkBuffer {
  private final BufferPool pool;
  private final byte[] home;
  private final ChannelEvent event;
  byte[] data;
  int length;
  int records;
  int channel;

  NetworkBuffer(BufferPool pool, int size) {
    this.pool = pool;
    this.home = new byte[size];
    this.data = home;
    this.event = null;
  }

  private NetworkBuffer(ChannelEvent event, int channel) {
    this.pool = null;
    this.home = null;
    this.event = event;
    this.channel = channel;
  }

  static NetworkBuffer event(ChannelEvent event, int channel) {
    return new NetworkBuffer(event, channel);
  }

  /** The event, or null for a data buffer. */
  public ChannelEvent event() {
    return event;
  }

  public boolean isEvent() {
    return event != null;
  }

  /** The serialized records occupy {@code data()[0, length())}; larger than the pool's size for an oversized record. */
  public byte[] data() {
    return data;
  }

  public int length() {
    return length;
  }

  /** Number of records in the buffer (a serializer may write zero bytes, so bytes alone do not tell). */
  public int records() {
    return records;
  }

  /** The channel's index at the consuming {@link InputGate}. */
  public int channel() {
    return channel;
  }

  /** Hands a data buffer back to its pool once the consumer has read it; no-op for events. */
  public void recycle() {
    if (pool != null) {
      pool.recycle(this);
    }
  }

  /** Empties the buffer and drops an oversized array so the pool only holds standard-size ones. */
  void reset() {
    data = home;
    length = 0;
    records = 0;
  }
}
