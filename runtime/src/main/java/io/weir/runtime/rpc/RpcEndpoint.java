package io.weir.runtime.rpc;

/**
 * What a server or client does with an authenticated connection. Called on the connection's Netty
 * event loop: implementations must not block (hand slow work to their own executor).
 */
public interface RpcEndpoint {
  /** The peer has authenticated; {@code connection} can send from now on. */
  default void onConnected(RpcConnection connection) {}

  /**
   * Handles a request or one-way message. For requests the result is the reply ({@code null} and
   * exceptions become an {@link Message.ErrorReply}); for one-way messages it is ignored.
   */
  Message onMessage(RpcConnection connection, Message message) throws Exception;

  /** The connection closed, for whatever reason (peer gone, heartbeat timeout, protocol error, close()). */
  default void onDisconnected(RpcConnection connection) {}
}
