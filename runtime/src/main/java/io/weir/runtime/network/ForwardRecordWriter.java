package io.weir.runtime.network;

import io.weir.state.serialization.TypeSerializer;

/**
 * FORWARD across threads: producer subtask i feeds consumer subtask i only. Used when both sides
 * have the same parallelism but the consumer cannot be chained (it has several inputs).
 */
public final class ForwardRecordWriter extends RecordWriter {

  public ForwardRecordWriter(TypeSerializer<?> serializer, BufferPool pool, ChannelTarget consumer, int channelIndex, String target) {
    super(serializer, pool, new ChannelTarget[] {consumer}, new int[] {channelIndex}, target);
  }

  @Override
  public void emit(Object record) {
    write(0, record);
  }
}
