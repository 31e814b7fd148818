package io.weir.runtime.rpc;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link Handshake} on one side of a connection. Until it succeeds the frame limit is the
 * handshake frame's size and frames are parsed only by {@link Handshake}; on success it raises the
 * limit, installs the message handlers ({@link RpcPipeline#installAuthenticated}) and removes itself.
 * A failure or a peer silent past the handshake timeout closes the connection.
 */
final class HandshakeHandler extends ChannelInboundHandlerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(HandshakeHandler.class);

  private final boolean server;
  private final ClusterSecret secret;
  private final Duration handshakeTimeout;
  private final Consumer<ChannelHandlerContext> onAuthenticated;
  private final CompletableFuture<?> ready;
  private byte[] serverNonce;
  private byte[] clientNonce;
  private ScheduledFuture<?> timeout;

  HandshakeHandler(boolean server, ClusterSecret secret, RpcOptions options, RpcEndpoint endpoint,
      CompletableFuture<RpcConnection> ready) {
    this(server, secret, options.handshakeTimeout(),
        ctx -> RpcPipeline.installAuthenticated(ctx.pipeline(), options, endpoint, ready), ready);
  }

  /**
   * For protocols other than RPC (the data plane): {@code onAuthenticated} installs their handlers;
   * {@code ready}, if not null, fails when the connection closes before authentication.
   */
  HandshakeHandler(boolean server, ClusterSecret secret, Duration handshakeTimeout,
      Consumer<ChannelHandlerContext> onAuthenticated, CompletableFuture<?> ready) {
    this.server = server;
    this.secret = secret;
    this.handshakeTimeout = handshakeTimeout;
    this.onAuthenticated = onAuthenticated;
    this.ready = ready;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    timeout = ctx.executor().schedule(() -> {
      LOG.warn("closing connection to {}: no authentication within {}", ctx.channel().remoteAddress(), handshakeTimeout);
      ctx.close();
    }, handshakeTimeout.toMillis(), TimeUnit.MILLISECONDS);
    ctx.channel().closeFuture().addListener(f -> {
      timeout.cancel(false);
      if (ready == null) {
        return;
      }
      ready.completeExceptionally(new RpcConnection.ConnectionClosedException(
          "connection to " + ctx.channel().remoteAddress() + " closed before authentication"));
    });
    if (server) {
      serverNonce = Handshake.newNonce();
      ctx.writeAndFlush(Unpooled.wrappedBuffer(Handshake.challenge(serverNonce)));
    }
    ctx.fireChannelActive();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    byte[] frame;
    try {
      frame = ByteBufUtil.getBytes((ByteBuf) msg);
    } finally {
      ReferenceCountUtil.release(msg);
    }
    if (server) {
      clientNonce = Handshake.verifyHello(secret, serverNonce, frame);
      ctx.writeAndFlush(Unpooled.wrappedBuffer(Handshake.welcome(secret, clientNonce, serverNonce)));
      authenticated(ctx);
    } else if (serverNonce == null) {
      serverNonce = Handshake.parseChallenge(frame);
      clientNonce = Handshake.newNonce();
      ctx.writeAndFlush(Unpooled.wrappedBuffer(Handshake.hello(secret, serverNonce, clientNonce)));
    } else {
      Handshake.verifyWelcome(secret, clientNonce, serverNonce, frame);
      authenticated(ctx);
    }
  }

  private void authenticated(ChannelHandlerContext ctx) {
    timeout.cancel(false);
    LOG.debug("authenticated connection to {}", ctx.channel().remoteAddress());
    onAuthenticated.accept(ctx);
    ctx.pipeline().remove(this);
  }
}
