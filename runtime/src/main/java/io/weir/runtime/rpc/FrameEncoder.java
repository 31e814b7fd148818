package io.weir.runtime.rpc;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageEncoder;
import java.util.List;

/** Prefixes each outgoing payload with its 4-byte length; the counterpart of {@link FrameDecoder}. */
@ChannelHandler.Sharable
final class FrameEncoder extends MessageToMessageEncoder<ByteBuf> {
  static final FrameEncoder INSTANCE = new FrameEncoder();

  @Override
  protected void encode(ChannelHandlerContext ctx, ByteBuf payload, List<Object> out) {
    ByteBuf header = ctx.alloc().buffer(FrameDecoder.HEADER_BYTES);
    header.writeInt(payload.readableBytes());
    out.add(header);
    out.add(payload.retain());
  }
}
