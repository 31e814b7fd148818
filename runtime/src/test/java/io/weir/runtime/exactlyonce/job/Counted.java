package io.weir.runtime.exactlyonce.job;

import io.weir.state.serialization.BinaryInput;
import io.weir.state.serialization.BinaryOutput;
import io.weir.state.serialization.TypeSerializer;

/** An {@link Event} with the number of events of its key counted so far (equal to seq when nothing is lost or doubled). */
public record Counted(String key, long seq, long count) {

  /** What the processor would generate for {@link Counted}. */
  public static final class Serializer implements TypeSerializer<Counted> {
    public static final Serializer INSTANCE = new Serializer();

    @Override
    public void serialize(Counted value, BinaryOutput out) {
      out.writeString(value.key());
      out.writeLong(value.seq());
      out.writeLong(value.count());
    }

    @Override
    public Counted deserialize(BinaryInput in) {
      return new Counted(in.readString(), in.readLong(), in.readLong());
    }
  }
}
