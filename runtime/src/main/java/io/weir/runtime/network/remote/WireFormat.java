package io.weir.runtime.network.remote;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.weir.runtime.rpc.ProtocolException;
import java.nio.charset.StandardCharsets;

/**
 * Frame payloads of the data plane (each frame: 4-byte length from the rpc framing, then these).
 * All integers are 4-byte big-endian, strings a 2-byte length and UTF-8.
 *
 * <pre>
 * IDENTIFY dialer→acceptor, first frame: type | magic "WDPL" | version | dialerId | acceptorId
 * ANNOUNCE sender→receiver: type | stream | jobId | attempt | consumerTask | consumerSubtask | channelIndex
 * BUFFER   sender→receiver: type | stream | records | backlog | bytes (rest of the frame)
 * EVENT    sender→receiver: type | stream | eventCode (1) | payload (rest of the frame; see EventCodec)
 * CREDIT   receiver→sender: type | stream | credits
 * </pre>
 *
 * A stream is the sender's number for one channel on one connection; each direction numbers its
 * own, so ANNOUNCE/BUFFER/EVENT refer to the sender's streams and CREDIT to the receiver's view
 * of the same. Decoding checks every length, so a malformed frame is a {@link ProtocolException}.
 */
final class WireFormat {
  static final byte IDENTIFY = 1;
  static final byte ANNOUNCE = 2;
  static final byte BUFFER = 3;
  static final byte EVENT = 4;
  static final byte CREDIT = 5;

  static final int MAGIC = 0x5744504C; // "WDPL"
  static final byte VERSION = 1;
  static final int BUFFER_HEADER_BYTES = 1 + 4 + 4 + 4;
  /** Upper bound of a BUFFER frame's bytes besides the records. */
  static final int MAX_HEADER_BYTES = 16;

  private WireFormat() {}

  static ByteBuf identify(ByteBufAllocator alloc, String dialerId, String acceptorId) {
    ByteBuf out = alloc.buffer(64);
    out.writeByte(IDENTIFY).writeInt(MAGIC).writeByte(VERSION);
    writeString(out, dialerId);
    writeString(out, acceptorId);
    return out;
  }

  static ByteBuf announce(ByteBufAllocator alloc, int stream, ChannelId id) {
    ByteBuf out = alloc.buffer(64);
    out.writeByte(ANNOUNCE).writeInt(stream);
    writeString(out, id.jobId());
    out.writeInt(id.attempt());
    writeString(out, id.consumerTask());
    out.writeInt(id.consumerSubtask()).writeInt(id.channelIndex());
    return out;
  }

  /** The header of a BUFFER frame; the records follow as a separate (wrapped, uncopied) buffer. */
  static ByteBuf bufferHeader(ByteBufAllocator alloc, int stream, int records, int backlog) {
    return alloc.buffer(BUFFER_HEADER_BYTES).writeByte(BUFFER).writeInt(stream).writeInt(records).writeInt(backlog);
  }

  static ByteBuf event(ByteBufAllocator alloc, int stream, byte code, byte[] payload) {
    ByteBuf out = alloc.buffer(6 + payload.length);
    return out.writeByte(EVENT).writeInt(stream).writeByte(code).writeBytes(payload);
  }

  static ByteBuf credit(ByteBufAllocator alloc, int stream, int credits) {
    return alloc.buffer(9).writeByte(CREDIT).writeInt(stream).writeInt(credits);
  }

  private static void writeString(ByteBuf out, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > 0xFFFF) {
      throw new IllegalArgumentException("string of " + bytes.length + " bytes is too long for the data plane: " + text.substring(0, 40));
    }
    out.writeShort(bytes.length).writeBytes(bytes);
  }

  // ---- decoding: every read checks the remaining length first

  static byte readByte(ByteBuf in, String what) {
    need(in, 1, what);
    return in.readByte();
  }

  static int readInt(ByteBuf in, String what) {
    need(in, 4, what);
    return in.readInt();
  }

  static int readNonNegative(ByteBuf in, String what) {
    int value = readInt(in, what);
    if (value < 0) {
      throw new ProtocolException("negative " + what + ": " + value);
    }
    return value;
  }

  static String readString(ByteBuf in, String what) {
    need(in, 2, what);
    int length = in.readUnsignedShort();
    need(in, length, what);
    String text = in.toString(in.readerIndex(), length, StandardCharsets.UTF_8);
    in.skipBytes(length);
    return text;
  }

  static ChannelId readChannelId(ByteBuf in) {
    String jobId = readString(in, "job id");
    int attempt = readNonNegative(in, "attempt");
    String consumerTask = readString(in, "consumer task");
    int consumerSubtask = readNonNegative(in, "consumer subtask");
    int channelIndex = readNonNegative(in, "channel index");
    return new ChannelId(jobId, attempt, consumerTask, consumerSubtask, channelIndex);
  }

  static void expectEnd(ByteBuf in, String frame) {
    if (in.isReadable()) {
      throw new ProtocolException(in.readableBytes() + " trailing bytes after a " + frame + " frame");
    }
  }

  private static void need(ByteBuf in, int bytes, String what) {
    if (in.readableBytes() < bytes) {
      throw new ProtocolException("truncated frame: " + what + " needs " + bytes + " bytes, " + in.readableBytes() + " left");
    }
  }
}
