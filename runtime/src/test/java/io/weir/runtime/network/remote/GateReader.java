package io.weir.runtime.network.remote;

import io.weir.runtime.network.EndOfInput;
import io.weir.runtime.network.InputGate;
import io.weir.runtime.network.NetworkBuffer;
import io.weir.state.serialization.BinaryInput;
import io.weir.state.serialization.StringSerializer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A consuming subtask in miniature: reads a gate on its own thread like {@code InputTask}, keeps
 * every channel's String records in arrival order, checks END_OF_INPUT comes last on each channel,
 * and recycles every buffer. Completes once all channels ended; fails with what the gate threw.
 */
final class GateReader {
  final InputGate gate;
  final List<List<String>> records = new ArrayList<>();
  final CompletableFuture<Void> done = new CompletableFuture<>();
  /** Records read so far, over all channels (readable from other threads). */
  final AtomicLong received = new AtomicLong();
  private final CountDownLatch go;
  private final Thread thread;

  /** Starts reading at once. */
  GateReader(InputGate gate) {
    this(gate, new CountDownLatch(0));
  }

  /** Starts reading once {@code go} opens: until then the consumer is stalled. */
  GateReader(InputGate gate, CountDownLatch go) {
    this.gate = gate;
    this.go = go;
    for (int i = 0; i < gate.channels(); i++) {
      records.add(new ArrayList<>());
    }
    thread = new Thread(this::run, "gate-reader");
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    try {
      go.await();
      boolean[] ended = new boolean[gate.channels()];
      int open = ended.length;
      BinaryInput in = new BinaryInput();
      while (open > 0) {
        NetworkBuffer buffer = gate.take();
        int channel = buffer.channel();
        if (ended[channel]) {
          throw new AssertionError("buffer on channel " + channel + " after its END_OF_INPUT");
        }
        if (buffer.isEvent()) {
          if (buffer.event() instanceof EndOfInput) {
            ended[channel] = true;
            open--;
          }
          continue;
        }
        in.reset(buffer.data(), 0, buffer.length());
        List<String> target = records.get(channel);
        for (int i = 0; i < buffer.records(); i++) {
          target.add(StringSerializer.INSTANCE.deserialize(in));
        }
        received.addAndGet(buffer.records());
        if (in.hasRemaining()) {
          throw new AssertionError("a buffer held a partial record");
        }
        buffer.recycle();
      }
      done.complete(null);
    } catch (Throwable t) {
      done.completeExceptionally(t);
    }
  }

  List<String> channel(int index) {
    return records.get(index);
  }
}
