package io.weir.runtime.task;

import io.weir.runtime.metrics.RecordCounter;
import io.weir.runtime.network.CancelCheckpointMarker;
import io.weir.runtime.network.ChannelEvent;
import io.weir.runtime.network.CheckpointBarrier;
import io.weir.runtime.network.EndOfInput;
import io.weir.runtime.network.InputGate;
import io.weir.runtime.network.NetworkBuffer;
import io.weir.runtime.network.Watermark;
import io.weir.runtime.network.WatermarkStatus;
import io.weir.state.serialization.BinaryInput;
import io.weir.state.serialization.TypeSerializer;
import io.weir.state.snapshot.SnapshotCorruptedException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Reads buffers from the subtask's input gate, deserializes their records (or takes the objects of
 * an in-process channel that hands them over) into the head operator,
 * and ends once every channel has delivered END_OF_INPUT. Before waiting on an empty gate it ships
 * its own partly filled output buffers, so records never sit in a buffer while the task idles.
 * Watermarks and idleness of its channels are merged ({@link WatermarkMerger}) and passed on
 * through the chain; with timers in the chain it waits no longer than the next processing-time timer.
 * Every buffer passes its {@link BarrierHandler} first, which takes the checkpoints; a subtask
 * resuming from an unaligned checkpoint replays the stored in-flight buffers before reading its gate.
 */
final class InputTask extends SubtaskRunner implements BarrierHandler.Actions {
  private TypeSerializer<Object>[] serializers;
  private int[] inputs;
  private final BinaryInput in = new BinaryInput();

  InputTask(SubtaskSetup setup, SubtaskListener listener, boolean flushEveryBatch) {
    super(setup, listener, flushEveryBatch);
  }

  @Override
  Runnable wakeUp() {
    InputGate gate = setup.gate();
    return gate::wakeUp;
  }

  @Override
  @SuppressWarnings("unchecked")
  protected void process(OperatorChain chain) {
    InputGate gate = setup.gate();
    List<InputChannel> channels = setup.channels();
    int count = channels.size();
    serializers = new TypeSerializer[count];
    inputs = new int[count];
    for (int i = 0; i < count; i++) {
      serializers[i] = (TypeSerializer<Object>) channels.get(i).serializer();
      inputs[i] = channels.get(i).input();
    }
    boolean[] ended = new boolean[count];
    int open = count;
    WatermarkMerger time = new WatermarkMerger(count);
    boolean timers = chain.hasTimers();
    BarrierHandler barriers = new BarrierHandler(count, this, System::nanoTime);
    replayInFlight(chain);
    while (open > 0) {
      checkCancelled();
      runMail();
      barriers.checkAlignmentTimeout();
      NetworkBuffer buffer = barriers.nextReleased();
      if (buffer == null) {
        buffer = gate.poll();
      }
      if (buffer == null) {
        chain.flush();
        buffer = waitForInput(gate, chain, timers, barriers);
        if (buffer == null) {
          continue; // a timer or the alignment timeout came due, or mail arrived
        }
      }
      buffer = barriers.accept(buffer);
      if (buffer == null) {
        continue; // held until its channel's alignment ends, or a barrier or cancel marker
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
      if (buffer.holdsObjects()) {
        processObjects(chain, channel, buffer.objects(), buffer.keyGroups(), buffer.records());
      } else {
        processData(chain, channel, buffer.data(), buffer.length(), buffer.records());
      }
      buffer.recycle();
      if (timers) {
        chain.fireProcessingTimers();
      }
      flushIfRequested(chain);
    }
  }

  /** Deserializes the records of one data buffer of channel {@code channel} into the head. */
  private void processData(OperatorChain chain, int channel, byte[] data, int length, int records) {
    ChainedOperator head = chain.head();
    RecordCounter recordsIn = setup.headInCounter();
    TypeSerializer<Object> serializer = serializers[channel];
    int input = inputs[channel];
    in.reset(data, 0, length);
    for (int i = 0; i < records; i++) {
      Object record;
      try {
        record = serializer.deserialize(in);
      } catch (RuntimeException e) {
        throw readFailed(head, setup.channels().get(channel), "could not deserialize a record", e);
      }
      recordsIn.increment(); // per record, not per buffer: live counts of a slow operator must not lag a whole buffer
      head.push(input, record);
    }
    if (in.hasRemaining()) {
      throw readFailed(head, setup.channels().get(channel),
          "the serializer read " + (length - in.remaining()) + " of " + length + " bytes of " + records
              + " records: it reads fewer bytes than it writes", null);
    }
  }

  /**
   * Pushes the records of one buffer of objects (an in-process channel of an immutable type) into
   * the head, with the key groups the producer computed when it carried them (a keyed edge).
   */
  private void processObjects(OperatorChain chain, int channel, Object[] records, int[] keyGroups, int count) {
    ChainedOperator head = chain.head();
    RecordCounter recordsIn = setup.headInCounter();
    int input = inputs[channel];
    if (keyGroups != null && head.isKeyed()) {
      for (int i = 0; i < count; i++) {
        recordsIn.increment();
        head.push(input, records[i], keyGroups[i]);
      }
      return;
    }
    for (int i = 0; i < count; i++) {
      recordsIn.increment();
      head.push(input, records[i]);
    }
  }

  /**
   * Resuming from an unaligned checkpoint: the buffers that were in flight into this subtask go to
   * the head before any new input, in their recorded order. All are read and verified first, so a
   * damaged file fails the subtask before any of its records reaches an operator.
   */
  private void replayInFlight(OperatorChain chain) {
    SubtaskRestore restore = chain.restore();
    if (restore == null || restore.channelState().isEmpty()) {
      return;
    }
    List<List<InFlightBuffer>> all = new java.util.ArrayList<>();
    for (String name : restore.channelState()) {
      try {
        all.add(ChannelStateFile.read(restore.storage(), name));
      } catch (SnapshotCorruptedException e) {
        throw new IllegalStateException("subtask " + name() + " cannot restore the in-flight data of checkpoint "
            + restore.checkpointId() + ": " + e.getMessage(), e);
      }
    }
    for (List<InFlightBuffer> buffers : all) {
      for (InFlightBuffer b : buffers) {
        if (b.channel() >= serializers.length) {
          throw new IllegalStateException("subtask " + name() + " has " + serializers.length
              + " channels, but its in-flight data names channel " + b.channel() + ": restored at another parallelism?");
        }
        processData(chain, b.channel(), b.data(), b.data().length, b.records());
      }
    }
  }

  @Override
  public void snapshot(CheckpointBarrier barrier, long alignmentNanos, CompletableFuture<List<InFlightBuffer>> inFlight) {
    snapshotAndForward(barrier, alignmentNanos, inFlight);
  }

  @Override
  public void giveUp(long checkpointId, String reason) {
    if (reason != null && checkpointer != null) {
      checkpointer.decline(checkpointId, reason);
    }
    chain.broadcastEvent(new CancelCheckpointMarker(checkpointId));
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

  /**
   * Waits for input, no longer than until the next processing-time timer (fired first) or the end
   * of a pending alignment's timeout; null when one of those came first or mail woke the task.
   */
  private static NetworkBuffer waitForInput(InputGate gate, OperatorChain chain, boolean timers,
      BarrierHandler barriers) {
    long waitNanos = Long.MAX_VALUE;
    if (timers) {
      long next = chain.fireProcessingTimers();
      chain.flush(); // what the timers emitted must not wait in a buffer while the task waits
      if (next != Long.MAX_VALUE) {
        waitNanos = TimeUnit.MILLISECONDS.toNanos(next - System.currentTimeMillis());
      }
    }
    long deadline = barriers.alignmentDeadlineNanos();
    if (deadline != Long.MAX_VALUE) {
      waitNanos = Math.min(waitNanos, deadline - System.nanoTime());
    }
    if (waitNanos == Long.MAX_VALUE) {
      return gate.take();
    }
    return waitNanos <= 0 ? null : gate.take(waitNanos);
  }

  private static OperatorException readFailed(ChainedOperator head, InputChannel channel, String what, Throwable cause) {
    return head.context().failure(
        what + " from '" + channel.upstream() + "' with " + channel.serializer().formatId(), cause);
  }
}
