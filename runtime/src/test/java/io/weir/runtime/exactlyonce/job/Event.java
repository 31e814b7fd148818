package io.weir.runtime.exactlyonce.job;

import io.weir.state.serialization.BinaryInput;
import io.weir.state.serialization.BinaryOutput;
import io.weir.state.serialization.TypeSerializer;

/** Value {@code seq} (1, 2, 3, ...) of the sequence of {@code key}, as the source emits it. */
public record Event(String key, long seq) {

  /** What the processor would generate for {@link Event}. */
  public static final class Serializer implements TypeSerializer<Event> {
    public static final Serializer INSTANCE = new Serializer();

    @Override
    public void serialize(Event value, BinaryOutput out) {
      out.writeString(value.key());
      out.writeLong(value.seq());
    }

    @Override
    public Event deserialize(BinaryInput in) {
      return new Event(in.readString(), in.readLong());
    }
  }
}
