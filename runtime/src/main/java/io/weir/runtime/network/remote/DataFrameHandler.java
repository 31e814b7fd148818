package io.weir.runtime.network.remote;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import io.weir.runtime.rpc.ProtocolException;

/**
 * Dispatches the frames of one authenticated data connection. On the accepting side the first
 * frame must be IDENTIFY (who dials, and whom it meant to reach); afterwards ANNOUNCE, BUFFER and
 * EVENT go to the receiving channels, CREDIT to the sending ones. Anything else throws a
 * {@link ProtocolException}, which the rpc {@code ConnectionGuard} turns into a logged close.
 */
final class DataFrameHandler extends ChannelInboundHandlerAdapter {
  private final DataPlane plane;
  private PeerConnection connection;

  /** @param connection the dialled peer's connection, or null on the accepting side until IDENTIFY arrives */
  DataFrameHandler(DataPlane plane, PeerConnection connection) {
    this.plane = plane;
    this.connection = connection;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    ByteBuf frame = (ByteBuf) msg;
    try {
      byte type = WireFormat.readByte(frame, "frame type");
      if (connection == null) {
        if (type != WireFormat.IDENTIFY) {
          throw new ProtocolException("expected IDENTIFY as the first data frame, got type " + type);
        }
        identify(ctx, frame);
        return;
      }
      switch (type) {
        case WireFormat.BUFFER -> buffer(frame);
        case WireFormat.CREDIT -> credit(frame);
        case WireFormat.EVENT -> event(frame);
        case WireFormat.ANNOUNCE -> {
          int stream = WireFormat.readNonNegative(frame, "stream");
          ChannelId id = WireFormat.readChannelId(frame);
          WireFormat.expectEnd(frame, "ANNOUNCE");
          plane.announced(connection.announced(stream, id));
        }
        case WireFormat.IDENTIFY -> throw new ProtocolException("IDENTIFY sent twice");
        default -> throw new ProtocolException("unknown data frame type " + type);
      }
    } finally {
      ReferenceCountUtil.release(frame);
    }
  }

  private void identify(ChannelHandlerContext ctx, ByteBuf frame) {
    int magic = WireFormat.readInt(frame, "magic");
    if (magic != WireFormat.MAGIC) {
      throw new ProtocolException("not a data-plane peer: bad magic 0x" + Integer.toHexString(magic));
    }
    byte version = WireFormat.readByte(frame, "version");
    if (version != WireFormat.VERSION) {
      throw new ProtocolException("unsupported data-plane version " + version + " (this process speaks " + WireFormat.VERSION + ")");
    }
    String dialer = WireFormat.readString(frame, "dialer id");
    String acceptor = WireFormat.readString(frame, "acceptor id");
    WireFormat.expectEnd(frame, "IDENTIFY");
    connection = plane.accepted(ctx.channel(), dialer, acceptor);
  }

  private void buffer(ByteBuf frame) {
    int stream = WireFormat.readNonNegative(frame, "stream");
    int records = WireFormat.readNonNegative(frame, "record count");
    int backlog = WireFormat.readNonNegative(frame, "backlog");
    InboundChannel channel = connection.inbound(stream);
    if (channel != null) {
      channel.onBuffer(frame, records, backlog);
    } else if (!connection.wasAnnounced(stream)) {
      throw new ProtocolException("data for stream " + stream + ", which was never announced");
    }
  }

  private void event(ByteBuf frame) {
    int stream = WireFormat.readNonNegative(frame, "stream");
    byte code = WireFormat.readByte(frame, "event code");
    byte[] payload = new byte[frame.readableBytes()];
    frame.readBytes(payload);
    var event = EventCodec.decode(code, payload);
    InboundChannel channel = connection.inbound(stream);
    if (channel != null) {
      channel.onEvent(event);
    } else if (!connection.wasAnnounced(stream)) {
      throw new ProtocolException("event for stream " + stream + ", which was never announced");
    }
  }

  private void credit(ByteBuf frame) {
    int stream = WireFormat.readNonNegative(frame, "stream");
    int credits = WireFormat.readNonNegative(frame, "credits");
    WireFormat.expectEnd(frame, "CREDIT");
    OutboundChannel channel = connection.outbound(stream);
    if (channel != null) {
      channel.addCredit(credits); // a finished or released channel's late credit is simply dropped
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (connection != null) {
      connection.noteError(cause);
    }
    ctx.fireExceptionCaught(cause);
  }
}
