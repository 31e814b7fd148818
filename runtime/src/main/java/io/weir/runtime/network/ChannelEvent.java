package io.weir.runtime.network;

/**
 * A control event travelling in a channel's ordered stream between data buffers, so that it stays
 * ordered with the records around it: {@link EndOfInput}, {@link Watermark} and
 * {@link WatermarkStatus}; checkpoint barriers are meant to become a further implementation.
 */
public interface ChannelEvent {}
