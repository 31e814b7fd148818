package io.weir.runtime.network;

/**
 * A control event travelling in a channel's ordered stream between data buffers. Today only
 * {@link EndOfInput}; checkpoint barriers and watermarks are meant to become further
 * implementations, so that they stay ordered with the records around them.
 */
public interface ChannelEvent {}
