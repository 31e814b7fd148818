package io.weir.runtime.network;

import io.weir.state.serialization.TypeSerializer;

/** REBALANCE: record after record to the next downstream subtask in turn. */
public final class RoundRobinRecordWriter extends RecordWriter {
  private int next;

  /** @param firstChannel where to start, so that the producers do not all begin at subtask 0 */
  public RoundRobinRecordWriter(TypeSerializer<?> serializer, BufferPool pool, ChannelTarget[] targets, int[] channelIndexes,
      String target, int firstChannel) {
    super(serializer, pool, targets, channelIndexes, target);
    this.next = Math.floorMod(firstChannel, targets.length);
  }

  @Override
  public void emit(Object record) {
    int channel = next;
    next = channel + 1 == channelCount() ? 0 : channel + 1;
    write(channel, record);
  }
}
