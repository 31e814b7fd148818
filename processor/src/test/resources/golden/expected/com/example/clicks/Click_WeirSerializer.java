package com.example.clicks;

import io.weir.state.serialization.BinaryInput;
import io.weir.state.serialization.BinaryOutput;
import io.weir.state.serialization.TypeSerializer;
import javax.annotation.processing.Generated;

/**
 * Serializes the record {@code com.example.clicks.Click}: its components in declaration order, each reference
 * preceded by a presence byte (0 = null, 1 = present).
 */
@Generated("io.weir.processor.WeirProcessor")
public final class Click_WeirSerializer implements TypeSerializer<Click> {
  public static final Click_WeirSerializer INSTANCE = new Click_WeirSerializer();

  /**
   * This class and a hash of the layout it writes, including nested types' layouts.
   */
  public static final String FORMAT_ID = "com.example.clicks.Click_WeirSerializer/21bddce956a3b225";

  private Click_WeirSerializer() {
  }

  @Override
  public void serialize(Click value, BinaryOutput out) {
    write(value, out);
  }

  @Override
  public Click deserialize(BinaryInput in) {
    return read(in);
  }

  @Override
  public String formatId() {
    return FORMAT_ID;
  }

  /**
   * Writes a non-null {@code com.example.clicks.Click}.
   */
  public static void write(Click value, BinaryOutput out) {
    out.writeNullableString(value.user());
    out.writeLong(value.time());
  }

  /**
   * Reads a value written by {@link #write}.
   */
  public static Click read(BinaryInput in) {
    String user = in.readNullableString();
    long time = in.readLong();
    return new Click(user, time);
  }

  /**
   * Every value is deeply immutable: the runtime may share it between threads instead of copying it.
   */
  @Override
  public boolean immutableValues() {
    return true;
  }
}
