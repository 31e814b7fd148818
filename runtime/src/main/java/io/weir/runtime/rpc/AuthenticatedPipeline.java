package io.weir.runtime.rpc;

import io.netty.channel.ChannelPipeline;
import java.net.InetAddress;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The transport layers of {@link RpcPipeline} for other protocols on their own ports (the data
 * plane): length-prefixed frames, the HMAC {@link Handshake} with the cluster secret, and the
 * {@link ConnectionGuard}. Until the peer has authenticated, frames are limited to the handshake's
 * size and parsed by {@link Handshake} only; then the limit rises to {@code maxFrameBytes} and the
 * caller installs its handlers before {@link #GUARD}. Outbound, every {@code ByteBuf} written is
 * one frame (its length prefix is added here).
 */
public final class AuthenticatedPipeline {
  /** Name of the last handler; protocol handlers go before it ({@code addBefore(GUARD, ...)}). */
  public static final String GUARD = "guard";

  private AuthenticatedPipeline() {}

  /**
   * @param server the accepting side (it speaks first)
   * @param onAuthenticated called on the channel's event loop once both sides proved the secret
   */
  public static void initialize(ChannelPipeline pipeline, boolean server, ClusterSecret secret, Duration handshakeTimeout,
      int maxFrameBytes, Consumer<ChannelPipeline> onAuthenticated) {
    if (maxFrameBytes < Handshake.MAX_HANDSHAKE_FRAME) {
      throw new IllegalArgumentException("maxFrameBytes must be at least " + Handshake.MAX_HANDSHAKE_FRAME);
    }
    pipeline.addLast(RpcPipeline.FRAME_DECODER, new FrameDecoder(Handshake.MAX_HANDSHAKE_FRAME));
    pipeline.addLast("frameEncoder", FrameEncoder.INSTANCE);
    pipeline.addLast("handshake", new HandshakeHandler(server, secret, handshakeTimeout, ctx -> {
      ((FrameDecoder) ctx.pipeline().get(RpcPipeline.FRAME_DECODER)).maxPayloadBytes(maxFrameBytes);
      onAuthenticated.accept(ctx.pipeline());
    }, null));
    pipeline.addLast(GUARD, ConnectionGuard.INSTANCE);
  }

  /** Loopback unless {@code bindAddress} is given; any other address only with a real secret (as {@link RpcServer}). */
  public static InetAddress checkedBindAddress(InetAddress bindAddress, ClusterSecret secret) {
    InetAddress address = bindAddress != null ? bindAddress : InetAddress.getLoopbackAddress();
    if (!address.isLoopbackAddress() && secret.isNone()) {
      throw new IllegalArgumentException("refusing to listen on " + address.getHostAddress()
          + " without a cluster secret (set " + ClusterSecret.ENVIRONMENT_VARIABLE + " or --secret-file)");
    }
    return address;
  }
}
