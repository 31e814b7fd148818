package io.weir.runtime.network;

/**
 * Whether the producer of this channel is idle: an idle channel does not hold back the consumer's
 * watermark until it becomes active again (with this event, or implicitly with its next
 * {@link Watermark}). A task whose active channels are all idle is idle itself and says so downstream.
 *
 * <p>Wire form for the data plane: a tag byte and one byte, 1 for idle, 0 for active.
 */
public enum WatermarkStatus implements ChannelEvent {
  IDLE,
  ACTIVE
}
