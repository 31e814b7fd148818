package com.example.wordcount;

import io.weir.state.serialization.BinaryInput;
import io.weir.state.serialization.BinaryOutput;
import io.weir.state.serialization.TypeSerializer;
import javax.annotation.processing.Generated;

/**
 * Serializes the record {@code com.example.wordcount.Threshold}: its components in declaration order, each reference
 * preceded by a presence byte (0 = null, 1 = present).
 */
@Generated("io.weir.processor.WeirProcessor")
public final class Threshold_WeirSerializer implements TypeSerializer<Threshold> {
  public static final Threshold_WeirSerializer INSTANCE = new Threshold_WeirSerializer();

  /**
   * This class and a hash of the layout it writes, including nested types' layouts.
   */
  public static final String FORMAT_ID = "com.example.wordcount.Threshold_WeirSerializer/9a2128eb9dc9f5ae";

  private Threshold_WeirSerializer() {
  }

  @Override
  public void serialize(Threshold value, BinaryOutput out) {
    write(value, out);
  }

  @Override
  public Threshold deserialize(BinaryInput in) {
    return read(in);
  }

  @Override
  public String formatId() {
    return FORMAT_ID;
  }

  /**
   * Writes a non-null {@code com.example.wordcount.Threshold}.
   */
  public static void write(Threshold value, BinaryOutput out) {
    out.writeNullableString(value.word());
    out.writeLong(value.limit());
  }

  /**
   * Reads a value written by {@link #write}.
   */
  public static Threshold read(BinaryInput in) {
    String word = in.readNullableString();
    long limit = in.readLong();
    return new Threshold(word, limit);
  }

  /**
   * Every value is deeply immutable: the runtime may share it between threads instead of copying it.
   */
  @Override
  public boolean immutableValues() {
    return true;
  }
}
