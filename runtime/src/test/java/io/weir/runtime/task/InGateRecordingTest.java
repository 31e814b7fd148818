package io.weir.runtime.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.runtime.checkpoint.CheckpointOptions;
import io.weir.runtime.checkpoint.CheckpointType;
import io.weir.runtime.checkpoint.CheckpointingMode;
import io.weir.runtime.network.CheckpointBarrier;
import io.weir.runtime.network.InputGate;
import io.weir.runtime.network.BufferPool;
import io.weir.runtime.network.ForwardRecordWriter;
import io.weir.runtime.network.NetworkBuffer;
import io.weir.state.serialization.BinaryInput;
import io.weir.state.serialization.StringSerializer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An unaligned barrier that overtakes buffers queued in the consumer's gate gets them recorded the
 * moment the consumer reads the barrier, not when it gets to process them: under backpressure that
 * can be seconds later, and the checkpoint would wait for it.
 */
class InGateRecordingTest {
  private static final CheckpointOptions UNALIGNED =
      new CheckpointOptions(CheckpointType.CHECKPOINT, CheckpointingMode.EXACTLY_ONCE, true, 0, "");

  private static NetworkBuffer data(int channel, int payload) {
    NetworkBuffer b = new NetworkBuffer(buffer -> {}, 8);
    b.prepareReceive(channel, 1, 1)[0] = (byte) payload;
    return b;
  }

  @Test
  void buffersOvertakenInTheGateAreRecordedWhenTheBarrierIsRead() {
    InputGate gate = new InputGate(2);
    gate.add(data(0, 1));
    gate.add(data(1, 2));
    gate.add(data(0, 3));
    // two buffers were already overtaken upstream (before the gate); they arrive later
    gate.addPriority(NetworkBuffer.event(new CheckpointBarrier(1, 0, UNALIGNED, 1), 0));

    NetworkBuffer first = gate.poll();
    CheckpointBarrier barrier = (CheckpointBarrier) first.event();
    assertEquals(3, barrier.overtaken(), "1 before the gate + 2 of channel 0 in the gate");
    assertEquals(2, first.overtakenInGate().size());

    InFlightRecording recording = new InFlightRecording(1, new boolean[2]);
    recording.onBarrier(0, barrier.overtaken(), first.overtakenInGate());
    recording.onEnd(1);
    assertEquals(2, recording.bytes(), "both queued buffers of channel 0 copied at once");
    assertFalse(recording.isDone(), "the buffer overtaken before the gate is still to come");

    // the consumer now processes the queue: the two copied buffers are not recorded again
    for (NetworkBuffer b = gate.poll(); b != null; b = gate.poll()) {
      recording.onData(b);
    }
    assertEquals(2, recording.bytes());
    NetworkBuffer late = data(0, 4);
    recording.onData(late);
    assertTrue(recording.isDone());
    List<InFlightBuffer> recorded = recording.done().join();
    assertEquals(List.of(1, 3, 4), recorded.stream().map(b -> (int) b.data()[0]).toList(), "channel order kept");
  }

  /**
   * Buffers that hand over objects (an in-process channel of strings) are stored as bytes, in
   * channel order, which the restore path deserializes back into the same records.
   */
  @Test
  void overtakenBuffersOfObjectsAreRecordedAsTheirSerializedBytes() {
    InputGate gate = new InputGate(1);
    ForwardRecordWriter writer = new ForwardRecordWriter(StringSerializer.INSTANCE, new BufferPool(4, 64), gate, 0, "Count");
    writer.handOverObjects(true);
    List<String> sent = new ArrayList<>();
    for (int i = 0; i < 20; i++) { // 8 objects per 64-byte buffer: 3 buffers
      String word = "w" + i;
      writer.emit(word);
      sent.add(word);
    }
    writer.flush();
    gate.addPriority(NetworkBuffer.event(new CheckpointBarrier(1, 0, UNALIGNED), 0));

    NetworkBuffer first = gate.poll();
    CheckpointBarrier barrier = (CheckpointBarrier) first.event();
    assertEquals(3, barrier.overtaken());
    InFlightRecording recording = new InFlightRecording(1, new boolean[1]);
    recording.onBarrier(0, barrier.overtaken(), first.overtakenInGate());
    assertTrue(recording.isDone());
    List<String> restored = new ArrayList<>();
    BinaryInput in = new BinaryInput();
    for (InFlightBuffer b : recording.done().join()) {
      in.reset(b.data(), 0, b.data().length);
      for (int i = 0; i < b.records(); i++) {
        restored.add(StringSerializer.INSTANCE.deserialize(in));
      }
      assertFalse(in.hasRemaining());
    }
    assertEquals(sent, restored, "every overtaken record once, in channel order");
    // the consumer then processes the same buffers as objects, skipping them in the recording
    List<String> processed = new ArrayList<>();
    for (NetworkBuffer b = gate.poll(); b != null; b = gate.poll()) {
      assertTrue(b.holdsObjects());
      for (int i = 0; i < b.records(); i++) {
        processed.add((String) b.objects()[i]);
      }
      recording.onData(b);
      b.recycle();
    }
    assertEquals(sent, processed);
    assertEquals(3, recording.done().join().size(), "nothing recorded twice");
  }

  @Test
  void aBarrierThatOvertookNothingInTheGateCarriesNoBuffers() {
    InputGate gate = new InputGate(1);
    NetworkBuffer event = NetworkBuffer.event(new CheckpointBarrier(1, 0, UNALIGNED), 0);
    gate.addPriority(event);
    NetworkBuffer read = gate.poll();
    assertSame(event, read);
    assertTrue(read.overtakenInGate().isEmpty());
  }
}
