package io.weir.runtime.network.remote;

import io.weir.runtime.network.EndOfInput;
import io.weir.runtime.network.InputGate;
import io.weir.runtime.network.NetworkBuffer;
import io.weir.state.serialization.BinaryInput;
import io.weir.state.serialization.StringSerializer;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a gate on the calling thread and keeps, per channel, what arrived in order: each data buffer
 * as the list of its String records, each event as itself. Unlike {@link GateReader} it keeps events
 * and buffer boundaries, which is what barrier placement and {@code overtaken} are about.
 */
final class GateLog {
  final List<List<Object>> channels = new ArrayList<>();

  GateLog(int channels) {
    for (int i = 0; i < channels; i++) {
      this.channels.add(new ArrayList<>());
    }
  }

  /** The records of a data buffer (not recycled). */
  static List<String> records(NetworkBuffer buffer) {
    BinaryInput in = new BinaryInput(buffer.data(), 0, buffer.length());
    List<String> records = new ArrayList<>(buffer.records());
    for (int i = 0; i < buffer.records(); i++) {
      records.add(StringSerializer.INSTANCE.deserialize(in));
    }
    if (in.hasRemaining()) {
      throw new AssertionError("a buffer held a partial record");
    }
    return records;
  }

  /** Logs {@code buffer} on its channel and recycles it; true if it was END_OF_INPUT. */
  boolean log(NetworkBuffer buffer) {
    List<Object> channel = channels.get(buffer.channel());
    if (!channel.isEmpty() && channel.get(channel.size() - 1) instanceof EndOfInput) {
      throw new AssertionError("buffer on channel " + buffer.channel() + " after its END_OF_INPUT");
    }
    channel.add(buffer.isEvent() ? buffer.event() : records(buffer));
    buffer.recycle();
    return buffer.event() instanceof EndOfInput;
  }

  /** Takes from {@code gate} until every channel delivered END_OF_INPUT. */
  GateLog readToEnd(InputGate gate) {
    int open = 0;
    for (List<Object> channel : channels) {
      if (channel.isEmpty() || !(channel.get(channel.size() - 1) instanceof EndOfInput)) {
        open++;
      }
    }
    while (open > 0) {
      if (log(gate.take())) {
        open--;
      }
    }
    return this;
  }

  List<Object> channel(int index) {
    return channels.get(index);
  }

  /** Every record of a channel in arrival order, events left out. */
  List<String> recordsOf(int index) {
    List<String> records = new ArrayList<>();
    for (Object entry : channels.get(index)) {
      if (entry instanceof List<?> buffer) {
        buffer.forEach(r -> records.add((String) r));
      }
    }
    return records;
  }

  /** Number of records on channel {@code index} before its entry {@code position}. */
  int recordsBefore(int index, int position) {
    int count = 0;
    for (Object entry : channels.get(index).subList(0, position)) {
      if (entry instanceof List<?> buffer) {
        count += buffer.size();
      }
    }
    return count;
  }
}
