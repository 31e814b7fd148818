package com.example.wordcount;

import io.weir.state.serialization.BinaryInput;
import io.weir.state.serialization.BinaryOutput;
import io.weir.state.serialization.TypeSerializer;
import javax.annotation.processing.Generated;

/**
 * Serializes the record {@code com.example.wordcount.WordCount}: its components in declaration order, each reference
 * preceded by a presence byte (0 = null, 1 = present).
 */
@Generated("io.weir.processor.WeirProcessor")
public final class WordCount_WeirSerializer implements TypeSerializer<WordCount> {
  public static final WordCount_WeirSerializer INSTANCE = new WordCount_WeirSerializer();

  /**
   * This class and a hash of the layout it writes, including nested types' layouts.
   */
  public static final String FORMAT_ID = "com.example.wordcount.WordCount_WeirSerializer/e4ef1eaf889bf212";

  private WordCount_WeirSerializer() {
  }

  @Override
  public void serialize(WordCount value, BinaryOutput out) {
    write(value, out);
  }

  @Override
  public WordCount deserialize(BinaryInput in) {
    return read(in);
  }

  @Override
  public String formatId() {
    return FORMAT_ID;
  }

  /**
   * Writes a non-null {@code com.example.wordcount.WordCount}.
   */
  public static void write(WordCount value, BinaryOutput out) {
    out.writeNullableString(value.word());
    out.writeLong(value.count());
  }

  /**
   * Reads a value written by {@link #write}.
   */
  public static WordCount read(BinaryInput in) {
    String word = in.readNullableString();
    long count = in.readLong();
    return new WordCount(word, count);
  }

  /**
   * Every value is deeply immutable: the runtime may share it between threads instead of copying it.
   */
  @Override
  public boolean immutableValues() {
    return true;
  }
}
