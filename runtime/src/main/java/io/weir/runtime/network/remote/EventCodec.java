package io.weir.runtime.network.remote;

import io.weir.runtime.network.ChannelEvent;
import io.weir.runtime.network.EndOfInput;
import io.weir.runtime.rpc.ProtocolException;

/**
 * The wire form of {@link ChannelEvent}s: a one-byte code and a payload of the rest of the frame
 * (empty for {@link EndOfInput}). Barriers and watermarks get their own codes and payloads here
 * (e.g. a checkpoint id, a timestamp) without touching the framing; an unknown code closes the
 * connection.
 */
final class EventCodec {
  static final byte END_OF_INPUT = 1;
  private static final byte[] EMPTY = new byte[0];

  private EventCodec() {}

  static byte code(ChannelEvent event) {
    if (event instanceof EndOfInput) {
      return END_OF_INPUT;
    }
    throw new IllegalArgumentException("no wire encoding for event " + event.getClass().getName());
  }

  /** The event's payload bytes (after its code). */
  static byte[] payload(ChannelEvent event) {
    return EMPTY;
  }

  static ChannelEvent decode(byte code, byte[] payload) {
    if (code == END_OF_INPUT) {
      if (payload.length != 0) {
        throw new ProtocolException("END_OF_INPUT with a payload of " + payload.length + " bytes");
      }
      return EndOfInput.INSTANCE;
    }
    throw new ProtocolException("unknown event code " + code);
  }
}
