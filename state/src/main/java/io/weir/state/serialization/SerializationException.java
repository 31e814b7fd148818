package io.weir.state.serialization;

/** Bytes could not be read as the expected type: truncated, corrupt, or written by another format. */
public final class SerializationException extends RuntimeException {
  public SerializationException(String message) {
    super(message);
  }

  public SerializationException(String message, Throwable cause) {
    super(message, cause);
  }
}
