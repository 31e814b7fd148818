package io.weir.runtime.rpc;

import io.netty.channel.ChannelPipeline;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Assembles a connection's pipeline. Inbound order, head to tail:
 *
 * <pre>
 * [ssl]          reserved: Netty's SslHandler goes first (addFirst("ssl", ...)) once TLS is configured,
 *                so that everything below, the handshake included, runs inside the encrypted stream
 * frameDecoder   FrameDecoder: 4-byte length + payload; tiny limit until authenticated
 * frameEncoder   FrameEncoder (outbound)
 * handshake      HandshakeHandler; replaced on success by:
 *   idle         IdleStateHandler: writer idle → heartbeat, reader idle → close
 *   messageCodec MessageFrameCodec: payload ↔ Envelope
 *   connection   ConnectionHandler: dispatch to the RpcEndpoint
 * guard          ConnectionGuard: any exception closes the connection with a logged reason
 * </pre>
 */
final class RpcPipeline {
  static final String SSL = "ssl";
  static final String FRAME_DECODER = "frameDecoder";

  private RpcPipeline() {}

  static void initialize(ChannelPipeline pipeline, boolean server, ClusterSecret secret, RpcOptions options,
      RpcEndpoint endpoint, CompletableFuture<RpcConnection> ready) {
    pipeline.addLast(FRAME_DECODER, new FrameDecoder(Handshake.MAX_HANDSHAKE_FRAME));
    pipeline.addLast("frameEncoder", FrameEncoder.INSTANCE);
    pipeline.addLast("handshake", new HandshakeHandler(server, secret, options, endpoint, ready));
    pipeline.addLast("guard", ConnectionGuard.INSTANCE);
  }

  static void installAuthenticated(ChannelPipeline pipeline, RpcOptions options, RpcEndpoint endpoint,
      CompletableFuture<RpcConnection> ready) {
    ((FrameDecoder) pipeline.get(FRAME_DECODER)).maxPayloadBytes(options.maxFrameBytes());
    pipeline.addBefore("guard", "idle", new IdleStateHandler(options.heartbeatTimeout().toMillis(),
        options.heartbeatInterval().toMillis(), 0, TimeUnit.MILLISECONDS));
    pipeline.addBefore("guard", "messageCodec", new MessageFrameCodec());
    pipeline.addBefore("guard", "connection", new ConnectionHandler(endpoint, ready));
  }
}
