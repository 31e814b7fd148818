package io.weir.runtime.rpc;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * What a server or client does with an authenticated connection. Called on the connection's Netty
 * event loop: implementations must not block (hand slow work to their own executor, and answer
 * such requests later through {@link #onRequest}).
 */
public interface RpcEndpoint {
  /** The peer has authenticated; {@code connection} can send from now on. */
  default void onConnected(RpcConnection connection) {}

  /**
   * Handles a request or one-way message. For requests the result is the reply ({@code null} and
   * exceptions become an {@link Message.ErrorReply}); for one-way messages it is ignored.
   */
  Message onMessage(RpcConnection connection, Message message) throws Exception;

  /**
   * Handles a request whose reply may come later, so that slow work (loading a job, waiting for
   * another thread) runs elsewhere while the event loop keeps serving every other connection. The
   * reply is sent when the stage completes, from whichever thread completes it; a stage that
   * completes exceptionally (or a throw here) becomes an {@link Message.ErrorReply}, as a throw from
   * {@link #onMessage} does. The default answers at once with {@link #onMessage}.
   */
  default CompletionStage<Message> onRequest(RpcConnection connection, Message message) throws Exception {
    return CompletableFuture.completedFuture(onMessage(connection, message));
  }

  /** The connection closed, for whatever reason (peer gone, heartbeat timeout, protocol error, close()). */
  default void onDisconnected(RpcConnection connection) {}
}
