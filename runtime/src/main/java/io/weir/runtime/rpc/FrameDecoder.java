package io.weir.runtime.rpc;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Splits the byte stream into frames: a 4-byte big-endian payload length, then the payload. A
 * length above the limit (or negative) is rejected from the 4 header bytes alone, before anything
 * is buffered, so a peer cannot make this process allocate. Hand-written rather than Netty's
 * LengthFieldBasedFrameDecoder because the limit must rise after authentication (tiny while the
 * peer is unknown, larger afterwards) without replacing the handler, which would spill buffered
 * bytes unframed into the next handler.
 */
final class FrameDecoder extends ByteToMessageDecoder {
  static final int HEADER_BYTES = 4;

  private int maxPayloadBytes;
  private boolean failed;

  FrameDecoder(int maxPayloadBytes) {
    this.maxPayloadBytes = maxPayloadBytes;
  }

  /** Called on the channel's event loop once the peer has authenticated. */
  void maxPayloadBytes(int maxPayloadBytes) {
    this.maxPayloadBytes = maxPayloadBytes;
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    if (failed || !ctx.channel().isActive()) {
      // the connection is closing (e.g. the handshake just failed); nothing else the peer sent is looked at
      in.skipBytes(in.readableBytes());
      return;
    }
    if (in.readableBytes() < HEADER_BYTES) {
      return;
    }
    int length = in.getInt(in.readerIndex());
    if (length < 0 || length > maxPayloadBytes) {
      failed = true;
      in.skipBytes(in.readableBytes());
      throw new ProtocolException("frame of " + Integer.toUnsignedString(length) + " bytes exceeds the limit of "
          + maxPayloadBytes + " bytes");
    }
    if (in.readableBytes() < HEADER_BYTES + length) {
      return;
    }
    in.skipBytes(HEADER_BYTES);
    out.add(in.readRetainedSlice(length));
  }
}
