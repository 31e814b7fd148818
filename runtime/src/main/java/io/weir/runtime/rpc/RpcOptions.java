package io.weir.runtime.rpc;

import java.time.Duration;

/**
 * Transport settings shared by servers and clients.
 *
 * @param maxFrameBytes largest payload an authenticated peer may send in one frame
 * @param heartbeatInterval how often an otherwise quiet connection sends a heartbeat; zero disables
 *     sending (tests use that to play a peer that has hung)
 * @param heartbeatTimeout a connection on which nothing arrived for this long is closed as dead
 * @param handshakeTimeout a peer that has not authenticated within this is disconnected
 */
public record RpcOptions(int maxFrameBytes, Duration heartbeatInterval, Duration heartbeatTimeout, Duration handshakeTimeout) {
  /** 500 ms heartbeats and a 1.5 s timeout: a hung peer is detected within 2 s, a killed one at once (connection reset). */
  public static final RpcOptions DEFAULT =
      new RpcOptions(16 * 1024 * 1024, Duration.ofMillis(500), Duration.ofMillis(1500), Duration.ofSeconds(5));

  public RpcOptions {
    if (maxFrameBytes < Handshake.MAX_HANDSHAKE_FRAME) {
      throw new IllegalArgumentException("maxFrameBytes must be at least " + Handshake.MAX_HANDSHAKE_FRAME);
    }
    if (heartbeatInterval.isNegative() || heartbeatTimeout.isNegative() || heartbeatTimeout.isZero() || handshakeTimeout.isNegative() || handshakeTimeout.isZero()) {
      throw new IllegalArgumentException("bad durations: " + heartbeatInterval + ", " + heartbeatTimeout + ", " + handshakeTimeout);
    }
    if (!heartbeatInterval.isZero() && heartbeatInterval.compareTo(heartbeatTimeout) >= 0) {
      throw new IllegalArgumentException("heartbeatInterval " + heartbeatInterval + " must be below heartbeatTimeout " + heartbeatTimeout);
    }
  }

  public RpcOptions withMaxFrameBytes(int bytes) {
    return new RpcOptions(bytes, heartbeatInterval, heartbeatTimeout, handshakeTimeout);
  }

  public RpcOptions withHeartbeats(Duration interval, Duration timeout) {
    return new RpcOptions(maxFrameBytes, interval, timeout, handshakeTimeout);
  }

  public RpcOptions withHandshakeTimeout(Duration timeout) {
    return new RpcOptions(maxFrameBytes, heartbeatInterval, heartbeatTimeout, timeout);
  }
}
