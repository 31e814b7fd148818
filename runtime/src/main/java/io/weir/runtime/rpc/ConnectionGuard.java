package io.weir.runtime.rpc;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last handler of every pipeline: any exception (a protocol violation, a decoding error, a
 * bug in a handler) closes just that connection with a logged reason; the process carries on.
 */
@ChannelHandler.Sharable
final class ConnectionGuard extends ChannelInboundHandlerAdapter {
  static final ConnectionGuard INSTANCE = new ConnectionGuard();
  private static final Logger LOG = LoggerFactory.getLogger(ConnectionGuard.class);

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    Throwable reason = cause instanceof io.netty.handler.codec.DecoderException && cause.getCause() != null ? cause.getCause() : cause;
    if (reason instanceof ProtocolException) {
      LOG.warn("closing connection to {}: {}", ctx.channel().remoteAddress(), reason.getMessage());
    } else if (reason instanceof IOException) {
      LOG.info("closing connection to {}: {}", ctx.channel().remoteAddress(), reason.toString());
    } else {
      LOG.warn("closing connection to {} after an unexpected error", ctx.channel().remoteAddress(), reason);
    }
    ctx.close();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    // only reachable if a frame arrives before the handshake installed the message handlers
    io.netty.util.ReferenceCountUtil.release(msg);
    LOG.warn("closing connection to {}: unexpected {}", ctx.channel().remoteAddress(), msg.getClass().getSimpleName());
    ctx.close();
  }
}
