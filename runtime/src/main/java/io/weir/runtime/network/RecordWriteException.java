package io.weir.runtime.network;

/** A record could not be sent: its serializer or its key extraction failed. The cause says why. */
public final class RecordWriteException extends RuntimeException {
  public RecordWriteException(String message, Throwable cause) {
    super(message, cause);
  }
}
