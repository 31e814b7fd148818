package io.weir.runtime.network;

import io.weir.state.serialization.BinaryOutput;
import io.weir.state.serialization.TypeSerializer;

/**
 * BROADCAST: every record to every downstream subtask, serialized once and copied per channel
 * (channels that hand over objects share the record itself).
 */
public final class BroadcastRecordWriter extends RecordWriter {
  private final BinaryOutput scratch = new BinaryOutput(256);

  public BroadcastRecordWriter(TypeSerializer<?> serializer, BufferPool pool, ChannelTarget[] targets, int[] channelIndexes, String target) {
    super(serializer, pool, targets, channelIndexes, target);
  }

  @Override
  public void emit(Object record) {
    boolean serialized = false;
    for (int channel = 0; channel < channelCount(); channel++) {
      if (handsOverObjects(channel)) {
        write(channel, record); // immutable, so every consumer may share the one object
        continue;
      }
      if (!serialized) {
        serialize(record, scratch);
        serialized = true;
      }
      writeSerialized(channel, scratch.array(), scratch.position());
    }
  }
}
