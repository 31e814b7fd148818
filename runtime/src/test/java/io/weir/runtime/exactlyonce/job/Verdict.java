package io.weir.runtime.exactlyonce.job;

import io.weir.state.serialization.BinaryInput;
import io.weir.state.serialization.BinaryOutput;
import io.weir.state.serialization.TypeSerializer;

/**
 * A {@link Counted} record as the sequence checker passed it on: {@code problem} is empty when the
 * record continued its key's sequence, otherwise it says what was wrong (a duplicate or a gap).
 */
public record Verdict(String key, long seq, long count, String problem) {

  /** The sink's line for this verdict: {@code key<TAB>seq<TAB>count<TAB>problem}. */
  public String line() {
    return key + '\t' + seq + '\t' + count + '\t' + problem;
  }

  /** What the processor would generate for {@link Verdict}. */
  public static final class Serializer implements TypeSerializer<Verdict> {
    public static final Serializer INSTANCE = new Serializer();

    @Override
    public void serialize(Verdict value, BinaryOutput out) {
      out.writeString(value.key());
      out.writeLong(value.seq());
      out.writeLong(value.count());
      out.writeString(value.problem());
    }

    @Override
    public Verdict deserialize(BinaryInput in) {
      return new Verdict(in.readString(), in.readLong(), in.readLong(), in.readString());
    }
  }
}
