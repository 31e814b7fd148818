package com.example.wordcount;

import io.weir.state.serialization.BinaryInput;
import io.weir.state.serialization.BinaryOutput;
import io.weir.state.serialization.TypeSerializer;
import javax.annotation.processing.Generated;

/**
 * Serializes the record {@code com.example.wordcount.Word}: its components in declaration order, each reference
 * preceded by a presence byte (0 = null, 1 = present).
 */
@Generated("io.weir.processor.WeirProcessor")
public final class Word_WeirSerializer implements TypeSerializer<Word> {
  public static final Word_WeirSerializer INSTANCE = new Word_WeirSerializer();

  /**
   * This class and a hash of the layout it writes, including nested types' layouts.
   */
  public static final String FORMAT_ID = "com.example.wordcount.Word_WeirSerializer/a942521fba2cfe42";

  private Word_WeirSerializer() {
  }

  @Override
  public void serialize(Word value, BinaryOutput out) {
    write(value, out);
  }

  @Override
  public Word deserialize(BinaryInput in) {
    return read(in);
  }

  @Override
  public String formatId() {
    return FORMAT_ID;
  }

  /**
   * Writes a non-null {@code com.example.wordcount.Word}.
   */
  public static void write(Word value, BinaryOutput out) {
    out.writeNullableString(value.text());
  }

  /**
   * Reads a value written by {@link #write}.
   */
  public static Word read(BinaryInput in) {
    String text = in.readNullableString();
    return new Word(text);
  }

  /**
   * Every value is deeply immutable: the runtime may share it between threads instead of copying it.
   */
  @Override
  public boolean immutableValues() {
    return true;
  }
}
