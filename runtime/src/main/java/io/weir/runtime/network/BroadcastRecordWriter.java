package io.weir.runtime.network;

import io.weir.state.serialization.BinaryOutput;
import io.weir.state.serialization.TypeSerializer;

/** BROADCAST: every record to every downstream subtask, serialized once and copied per channel. */
public final class BroadcastRecordWriter extends RecordWriter {
  private final BinaryOutput scratch = new BinaryOutput(256);

  public BroadcastRecordWriter(TypeSerializer<?> serializer, BufferPool pool, ChannelTarget[] targets, int[] channelIndexes, String target) {
    super(serializer, pool, targets, channelIndexes, target);
  }

  @Override
  public void emit(Object record) {
    serialize(record, scratch);
    byte[] bytes = scratch.array();
    int size = scratch.position();
    for (int channel = 0; channel < channelCount(); channel++) {
      writeSerialized(channel, bytes, size);
    }
  }
}
