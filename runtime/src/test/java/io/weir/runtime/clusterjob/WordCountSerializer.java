package io.weir.runtime.clusterjob;

import io.weir.state.serialization.BinaryInput;
import io.weir.state.serialization.BinaryOutput;
import io.weir.state.serialization.TypeSerializer;

/** What the processor would generate for {@link WordCount}. */
public final class WordCountSerializer implements TypeSerializer<WordCount> {
  public static final WordCountSerializer INSTANCE = new WordCountSerializer();

  @Override
  public void serialize(WordCount value, BinaryOutput out) {
    out.writeString(value.word());
    out.writeLong(value.count());
  }

  @Override
  public WordCount deserialize(BinaryInput in) {
    return new WordCount(in.readString(), in.readLong());
  }
}
