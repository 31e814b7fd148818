package io.weir.runtime.network;

/**
 * Event time has reached {@link #timestamp()} on this channel: no record with a timestamp at or
 * below it follows. Travels in band, after the records it covers. Sent by sources (periodically,
 * and {@code Long.MAX_VALUE} when they end) and forwarded by every task as the minimum over its
 * active input channels.
 *
 * <p>Wire form for the data plane: a tag byte and the timestamp as 8 big-endian bytes.
 */
public record Watermark(long timestamp) implements ChannelEvent {
  /** The last watermark of a finished source: every event-time timer is due. */
  public static final Watermark END = new Watermark(Long.MAX_VALUE);
}
