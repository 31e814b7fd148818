package io.weir.runtime.rpc;

import java.util.Objects;

/**
 * A message with what the transport needs to route it: whether it is one-way, a request awaiting
 * a reply, or the reply to the request with the same {@code correlationId}.
 */
public record Envelope(Kind kind, long correlationId, Message message) {
  public enum Kind {
    ONE_WAY,
    REQUEST,
    RESPONSE;

    private static final Kind[] VALUES = values();

    static Kind ofCode(int code) {
      if (code < 0 || code >= VALUES.length) {
        throw new ProtocolException("unknown envelope kind " + code);
      }
      return VALUES[code];
    }
  }

  public Envelope {
    Objects.requireNonNull(kind);
    Objects.requireNonNull(message);
  }

  public static Envelope oneWay(Message message) {
    return new Envelope(Kind.ONE_WAY, 0, message);
  }
}
