package io.weir.runtime.network;

/**
 * Checkpoint {@link #checkpointId()} was given up by an upstream task (it failed to snapshot, or
 * the checkpoint was aborted before its barrier could be sent): a task aligning on it stops
 * waiting, unblocks its channels, drops what it recorded for it and forwards the marker.
 */
public record CancelCheckpointMarker(long checkpointId) implements ChannelEvent {}
