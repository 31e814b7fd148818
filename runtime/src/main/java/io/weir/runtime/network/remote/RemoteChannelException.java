package io.weir.runtime.network.remote;

/** A channel to or from another TaskManager broke; the message names the peer and why. */
public final class RemoteChannelException extends RuntimeException {
  public RemoteChannelException(String message) {
    super(message);
  }

  public RemoteChannelException(String message, Throwable cause) {
    super(message, cause);
  }
}
