package io.weir.benchmarks.micro;

import io.weir.state.serialization.BinaryInput;
import io.weir.state.serialization.BinaryOutput;
import io.weir.state.serialization.TypeSerializer;
import java.util.ArrayList;
import java.util.List;

/**
 * What a careful engineer writes by hand for the benchmark records, over Weir's
 * BinaryOutput/BinaryInput (faster than java.io's DataOutputStream over a reused array: no checked
 * exceptions, no per-call stream indirection, no modified-UTF-8 conversion). Like-for-like with
 * the generated code in what it accepts: a null string, nested record, list or element is allowed
 * and costs a presence byte, as it does for the generated serializers and Kryo.
 */
final class HandWrittenCodecs {
  private HandWrittenCodecs() {}

  static final TypeSerializer<Sample> SAMPLE = new TypeSerializer<>() {
    @Override
    public void serialize(Sample value, BinaryOutput out) {
      writeSample(value, out);
    }

    @Override
    public Sample deserialize(BinaryInput in) {
      return readSample(in);
    }
  };

  static final TypeSerializer<Reading> READING = new TypeSerializer<>() {
    @Override
    public void serialize(Reading value, BinaryOutput out) {
      writeNullableString(value.station(), out);
      Sample sample = value.sample();
      out.writeBoolean(sample != null);
      if (sample != null) {
        writeSample(sample, out);
      }
    }

    @Override
    public Reading deserialize(BinaryInput in) {
      String station = readNullableString(in);
      Sample sample = in.readBoolean() ? readSample(in) : null;
      return new Reading(station, sample);
    }
  };

  static final TypeSerializer<Sentence> SENTENCE = new TypeSerializer<>() {
    @Override
    public void serialize(Sentence value, BinaryOutput out) {
      out.writeLong(value.id());
      List<String> words = value.words();
      out.writeBoolean(words != null);
      if (words != null) {
        out.writeVarInt(words.size());
        for (String word : words) { // any List implementation: no indexed access
          writeNullableString(word, out);
        }
      }
    }

    @Override
    public Sentence deserialize(BinaryInput in) {
      long id = in.readLong();
      List<String> words = null;
      if (in.readBoolean()) {
        // each element takes at least one byte, so the count is bounded by what is left
        int size = in.readLength(in.remaining());
        words = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
          words.add(readNullableString(in));
        }
      }
      return new Sentence(id, words);
    }
  };

  private static void writeSample(Sample sample, BinaryOutput out) {
    out.writeLong(sample.timestamp());
    out.writeInt(sample.sensor());
    out.writeDouble(sample.value());
  }

  private static Sample readSample(BinaryInput in) {
    return new Sample(in.readLong(), in.readInt(), in.readDouble());
  }

  private static void writeNullableString(String s, BinaryOutput out) {
    out.writeBoolean(s != null);
    if (s != null) {
      out.writeString(s);
    }
  }

  private static String readNullableString(BinaryInput in) {
    return in.readBoolean() ? in.readString() : null;
  }
}
