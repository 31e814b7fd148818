package io.weir.runtime.network;

/**
 * Where a data {@link NetworkBuffer} goes back to once its consumer has read it: the producer's
 * {@link BufferPool} on the local path, or the data plane's receiving channel for a buffer that
 * arrived over the network (which then returns the credit to the remote sender).
 */
public interface BufferRecycler {
  /** Takes {@code buffer} back; called once per use of the buffer, by whichever thread consumed it. */
  void recycle(NetworkBuffer buffer);
}
