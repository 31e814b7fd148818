package com.example.wordcount;

import io.weir.state.serialization.BinaryInput;
import io.weir.state.serialization.BinaryOutput;
import io.weir.state.serialization.TypeSerializer;
import javax.annotation.processing.Generated;

/**
 * Serializes the record {@code com.example.wordcount.MeanLength.Sum}: its components in declaration order, each reference
 * preceded by a presence byte (0 = null, 1 = present).
 */
@Generated("io.weir.processor.WeirProcessor")
public final class MeanLength_Sum_WeirSerializer implements TypeSerializer<MeanLength.Sum> {
  public static final MeanLength_Sum_WeirSerializer INSTANCE = new MeanLength_Sum_WeirSerializer();

  /**
   * This class and a hash of the layout it writes, including nested types' layouts.
   */
  public static final String FORMAT_ID = "com.example.wordcount.MeanLength_Sum_WeirSerializer/bd4b96c164a560f9";

  private MeanLength_Sum_WeirSerializer() {
  }

  @Override
  public void serialize(MeanLength.Sum value, BinaryOutput out) {
    write(value, out);
  }

  @Override
  public MeanLength.Sum deserialize(BinaryInput in) {
    return read(in);
  }

  @Override
  public String formatId() {
    return FORMAT_ID;
  }

  /**
   * Writes a non-null {@code com.example.wordcount.MeanLength.Sum}.
   */
  public static void write(MeanLength.Sum value, BinaryOutput out) {
    out.writeLong(value.total());
    out.writeLong(value.count());
  }

  /**
   * Reads a value written by {@link #write}.
   */
  public static MeanLength.Sum read(BinaryInput in) {
    long total = in.readLong();
    long count = in.readLong();
    return new MeanLength.Sum(total, count);
  }

  /**
   * Every value is deeply immutable: the runtime may share it between threads instead of copying it.
   */
  @Override
  public boolean immutableValues() {
    return true;
  }
}
