package io.weir.runtime.task;

import io.weir.runtime.metrics.RecordCounter;
import io.weir.runtime.network.ChannelEvent;
import io.weir.runtime.network.EndOfInput;
import io.weir.runtime.network.InputGate;
import io.weir.runtime.network.NetworkBuffer;
import io.weir.runtime.network.Watermark;
import io.weir.runtime.network.WatermarkStatus;
import io.weir.state.serialization.BinaryInput;
import io.weir.state.serialization.TypeSerializer;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Reads buffers from the subtask's input gate, deserializes their records into the head operator,
 * and ends once every channel has delivered END_OF_INPUT. Before waiting on an empty gate it ships
 * its own partly filled output buffers, so records never sit in a buffer while the task idles.
 * Watermarks and idleness of its channels are merged ({@link WatermarkMerger}) and passed on
 * through the chain; with timers in the chain it waits no longer than the next processing-time timer.
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
    WatermarkMerger time = new WatermarkMerger(count);
    boolean timers = chain.hasTimers();
    ChainedOperator head = chain.head();
    RecordCounter recordsIn = setup.headInCounter();
    BinaryInput in = new BinaryInput();
    while (open > 0) {
      checkCancelled();
      NetworkBuffer buffer = gate.poll();
      if (buffer == null) {
        chain.flush();
        buffer = timers ? takeBeforeNextTimer(gate, chain) : gate.take();
        if (buffer == null) {
          continue; // a processing-time timer came due while waiting; it fired
        }
      }
      int channel = buffer.channel();
      if (buffer.isEvent()) {
        ChannelEvent event = buffer.event();
        if (event instanceof EndOfInput) {
          if (ended[channel]) {
            throw new IllegalStateException("channel " + channel + " of " + name() + " ended twice");
          }
          ended[channel] = true;
          open--;
          time.onEnd(channel);
        } else if (event instanceof Watermark w) {
          time.onWatermark(channel, w.timestamp());
        } else if (event instanceof WatermarkStatus status) {
          time.onStatus(channel, status == WatermarkStatus.IDLE);
        }
        forwardTime(time, chain);
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
      if (timers) {
        chain.fireProcessingTimers();
      }
      flushIfRequested(chain);
    }
  }

  /** Passes the merged event time on: activity before a watermark, a watermark before idleness. */
  private static void forwardTime(WatermarkMerger time, OperatorChain chain) {
    boolean idle = time.idle();
    if (!idle) {
      chain.setIdle(false);
    }
    chain.advanceWatermark(time.watermark());
    if (idle) {
      chain.setIdle(true);
    }
  }

  /** Fires due processing-time timers, then waits for input no longer than until the next one; null when that came first. */
  private static NetworkBuffer takeBeforeNextTimer(InputGate gate, OperatorChain chain) {
    long next = chain.fireProcessingTimers();
    chain.flush(); // what the timers emitted must not wait in a buffer while the task waits
    if (next == Long.MAX_VALUE) {
      return gate.take();
    }
    long waitMillis = next - System.currentTimeMillis();
    return waitMillis <= 0 ? null : gate.take(TimeUnit.MILLISECONDS.toNanos(waitMillis));
  }

  private static OperatorException readFailed(ChainedOperator head, InputChannel channel, String what, Throwable cause) {
    return head.context().failure(
        what + " from '" + channel.upstream() + "' with " + channel.serializer().formatId(), cause);
  }
}
