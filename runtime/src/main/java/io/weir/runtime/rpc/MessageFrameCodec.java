package io.weir.runtime.rpc;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageCodec;
import java.util.List;

/** Frame payload ↔ {@link Envelope} through {@link MessageCodec}; installed only after authentication. */
final class MessageFrameCodec extends MessageToMessageCodec<ByteBuf, Envelope> {
  @Override
  protected void encode(ChannelHandlerContext ctx, Envelope envelope, List<Object> out) {
    out.add(Unpooled.wrappedBuffer(MessageCodec.encode(envelope)));
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf frame, List<Object> out) {
    // control-plane frames are small: a copy keeps the codec on plain arrays
    byte[] bytes = ByteBufUtil.getBytes(frame);
    out.add(MessageCodec.decode(bytes, 0, bytes.length));
  }
}
