package io.weir.runtime.network.remote;

import io.weir.runtime.network.ChannelEvent;
import io.weir.runtime.network.EndOfInput;
import io.weir.runtime.network.Watermark;
import io.weir.runtime.network.WatermarkStatus;
import io.weir.runtime.rpc.ProtocolException;
import java.nio.ByteBuffer;

/**
 * The wire form of {@link ChannelEvent}s: a one-byte code and a payload of the rest of the frame:
 * empty for {@link EndOfInput}, the timestamp as 8 big-endian bytes for a {@link Watermark}, one
 * byte (1 idle, 0 active) for a {@link WatermarkStatus}. Barriers get their own code and payload
 * here without touching the framing; an unknown code or a payload of the wrong length closes the
 * connection.
 */
final class EventCodec {
  static final byte END_OF_INPUT = 1;
  static final byte WATERMARK = 2;
  static final byte WATERMARK_STATUS = 3;
  private static final byte[] EMPTY = new byte[0];

  private EventCodec() {}

  static byte code(ChannelEvent event) {
    if (event instanceof EndOfInput) {
      return END_OF_INPUT;
    }
    if (event instanceof Watermark) {
      return WATERMARK;
    }
    if (event instanceof WatermarkStatus) {
      return WATERMARK_STATUS;
    }
    throw new IllegalArgumentException("no wire encoding for event " + event.getClass().getName());
  }

  /** The event's payload bytes (after its code). */
  static byte[] payload(ChannelEvent event) {
    if (event instanceof Watermark watermark) {
      return ByteBuffer.allocate(Long.BYTES).putLong(watermark.timestamp()).array();
    }
    if (event instanceof WatermarkStatus status) {
      return new byte[] {(byte) (status == WatermarkStatus.IDLE ? 1 : 0)};
    }
    return EMPTY;
  }

  static ChannelEvent decode(byte code, byte[] payload) {
    if (code == END_OF_INPUT) {
      if (payload.length != 0) {
        throw new ProtocolException("END_OF_INPUT with a payload of " + payload.length + " bytes");
      }
      return EndOfInput.INSTANCE;
    }
    if (code == WATERMARK) {
      if (payload.length != Long.BYTES) {
        throw new ProtocolException("WATERMARK with a payload of " + payload.length + " bytes instead of 8");
      }
      return new Watermark(ByteBuffer.wrap(payload).getLong());
    }
    if (code == WATERMARK_STATUS) {
      if (payload.length != 1 || (payload[0] != 0 && payload[0] != 1)) {
        throw new ProtocolException("WATERMARK_STATUS with a malformed payload of " + payload.length + " bytes");
      }
      return payload[0] == 1 ? WatermarkStatus.IDLE : WatermarkStatus.ACTIVE;
    }
    throw new ProtocolException("unknown event code " + code);
  }
}
