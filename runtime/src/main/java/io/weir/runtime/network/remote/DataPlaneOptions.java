package io.weir.runtime.network.remote;

import java.time.Duration;

/**
 * Settings of a TaskManager's {@link DataPlane}.
 *
 * @param buffersPerChannel receive buffers each remote channel owns (its standing credit); at least 1
 * @param floatingBuffersPerGate receive buffers a gate lends to its channels whose senders report a backlog
 * @param bufferSize bytes of a receive buffer (a sender's larger, oversized buffer still arrives whole)
 * @param maxFrameBytes largest frame an authenticated peer may send: bounds a single shipped buffer
 * @param connectTimeout how long a connection to a peer may take to be established (dialled or awaited)
 * @param handshakeTimeout a peer that has not authenticated within this is disconnected
 */
public record DataPlaneOptions(int buffersPerChannel, int floatingBuffersPerGate, int bufferSize, int maxFrameBytes,
    Duration connectTimeout, Duration handshakeTimeout) {
  /** Flink's defaults: 2 exclusive buffers per channel, 8 floating per gate, 32 KiB buffers; 16 MiB frames. */
  public static final DataPlaneOptions DEFAULT =
      new DataPlaneOptions(2, 8, 32 * 1024, 16 * 1024 * 1024, Duration.ofSeconds(10), Duration.ofSeconds(5));

  public DataPlaneOptions {
    if (buffersPerChannel < 1 || floatingBuffersPerGate < 0 || bufferSize < 64) {
      throw new IllegalArgumentException("need at least 1 buffer per channel, no negative floating buffers and buffers of at least 64 bytes, got "
          + buffersPerChannel + ", " + floatingBuffersPerGate + ", " + bufferSize);
    }
    if (maxFrameBytes < bufferSize + WireFormat.MAX_HEADER_BYTES) {
      throw new IllegalArgumentException("maxFrameBytes " + maxFrameBytes + " cannot carry a buffer of " + bufferSize + " bytes");
    }
    if (connectTimeout.isNegative() || connectTimeout.isZero() || handshakeTimeout.isNegative() || handshakeTimeout.isZero()) {
      throw new IllegalArgumentException("timeouts must be positive: " + connectTimeout + ", " + handshakeTimeout);
    }
  }

  public DataPlaneOptions withBuffers(int perChannel, int floatingPerGate, int size) {
    return new DataPlaneOptions(perChannel, floatingPerGate, size, maxFrameBytes, connectTimeout, handshakeTimeout);
  }

  public DataPlaneOptions withMaxFrameBytes(int bytes) {
    return new DataPlaneOptions(buffersPerChannel, floatingBuffersPerGate, bufferSize, bytes, connectTimeout, handshakeTimeout);
  }

  public DataPlaneOptions withTimeouts(Duration connect, Duration handshake) {
    return new DataPlaneOptions(buffersPerChannel, floatingBuffersPerGate, bufferSize, maxFrameBytes, connect, handshake);
  }
}
