package io.weir.runtime.task;

import io.weir.state.serialization.TypeSerializer;

/**
 * What a consuming subtask knows about one channel of its input gate.
 *
 * @param input the head's input index the channel's records go to
 * @param serializer reads the channel's records (the upstream vertex's output serializer)
 * @param upstream the upstream vertex's name, for messages
 * @param upstreamSubtask the upstream subtask feeding the channel
 */
public record InputChannel(int input, TypeSerializer<?> serializer, String upstream, int upstreamSubtask) {}
