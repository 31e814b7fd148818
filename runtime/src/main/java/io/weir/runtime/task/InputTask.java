package io.weir.runtime.task;

import io.weir.runtime.metrics.RecordCounter;
import io.weir.runtime.network.EndOfInput;
import io.weir.runtime.network.InputGate;
import io.weir.runtime.network.NetworkBuffer;
import io.weir.state.serialization.BinaryInput;
import io.weir.state.serialization.TypeSerializer;
import java.util.List;

/**
 * Reads buffers from the subtask's input gate, deserializes their records into the head operator,
 * and ends once every channel has delivered END_OF_INPUT. Before waiting on an empty gate it ships
 * its own partly filled output buffers, so records never sit in a buffer while the task idles.
 */
final class InputTask extends SubtaskRunner {

  InputTask(SubtaskSetup setup, SubtaskListener listener, boolean flushEveryBatch) {
    super(setup, listener, flushEveryBatch);
  }

  @Override
  @SuppressWarnings("unchecked")
  protected void process(OperatorChain chain) {
    InputGate gate = setup.gate();
    List<InputChannel> channels = setup.channels();
    int count = channels.size();
    TypeSerializer<Object>[] serializers = new TypeSerializer[count];
    int[] inputs = new int[count];
    for (int i = 0; i < count; i++) {
      serializers[i] = (TypeSerializer<Object>) channels.get(i).serializer();
      inputs[i] = channels.get(i).input();
    }
    boolean[] ended = new boolean[count];
    int open = count;
    ChainedOperator head = chain.head();
    RecordCounter recordsIn = setup.headInCounter();
    BinaryInput in = new BinaryInput();
    while (open > 0) {
      checkCancelled();
      NetworkBuffer buffer = gate.poll();
      if (buffer == null) {
        chain.flush();
        buffer = gate.take();
      }
      int channel = buffer.channel();
      if (buffer.isEvent()) {
        if (buffer.event() instanceof EndOfInput) {
          if (ended[channel]) {
            throw new IllegalStateException("channel " + channel + " of " + name() + " ended twice");
          }
          ended[channel] = true;
          open--;
        }
        continue;
      }
      TypeSerializer<Object> serializer = serializers[channel];
      int input = inputs[channel];
      int records = buffer.records();
      in.reset(buffer.data(), 0, buffer.length());
      for (int i = 0; i < records; i++) {
        Object record;
        try {
          record = serializer.deserialize(in);
        } catch (RuntimeException e) {
          throw readFailed(head, channels.get(channel), "could not deserialize a record", e);
        }
        recordsIn.increment(); // per record, not per buffer: live counts of a slow operator must not lag a whole buffer
        head.push(input, record);
      }
      if (in.hasRemaining()) {
        throw readFailed(head, channels.get(channel),
            "the serializer read " + (buffer.length() - in.remaining()) + " of " + buffer.length() + " bytes of " + records
                + " records: it reads fewer bytes than it writes", null);
      }
      buffer.recycle();
      flushIfRequested(chain);
    }
  }

  private static OperatorException readFailed(ChainedOperator head, InputChannel channel, String what, Throwable cause) {
    return head.context().failure(
        what + " from '" + channel.upstream() + "' with " + channel.serializer().formatId(), cause);
  }
}
