package io.weir.runtime.rpc;

/** A peer sent something this protocol does not allow; the connection is closed with this as the reason. */
public final class ProtocolException extends RuntimeException {
  public ProtocolException(String message) {
    super(message);
  }

  public ProtocolException(String message, Throwable cause) {
    super(message, cause);
  }
}
