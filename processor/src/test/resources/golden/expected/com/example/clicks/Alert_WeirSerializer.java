package com.example.clicks;

import io.weir.state.serialization.BinaryInput;
import io.weir.state.serialization.BinaryOutput;
import io.weir.state.serialization.TypeSerializer;
import javax.annotation.processing.Generated;

/**
 * Serializes the record {@code com.example.clicks.Alert}: its components in declaration order, each reference
 * preceded by a presence byte (0 = null, 1 = present).
 */
@Generated("io.weir.processor.WeirProcessor")
public final class Alert_WeirSerializer implements TypeSerializer<Alert> {
  public static final Alert_WeirSerializer INSTANCE = new Alert_WeirSerializer();

  /**
   * This class and a hash of the layout it writes, including nested types' layouts.
   */
  public static final String FORMAT_ID = "com.example.clicks.Alert_WeirSerializer/4769732841a61393";

  private Alert_WeirSerializer() {
  }

  @Override
  public void serialize(Alert value, BinaryOutput out) {
    write(value, out);
  }

  @Override
  public Alert deserialize(BinaryInput in) {
    return read(in);
  }

  @Override
  public String formatId() {
    return FORMAT_ID;
  }

  /**
   * Writes a non-null {@code com.example.clicks.Alert}.
   */
  public static void write(Alert value, BinaryOutput out) {
    out.writeLong(value.lastClick());
    out.writeLong(value.at());
  }

  /**
   * Reads a value written by {@link #write}.
   */
  public static Alert read(BinaryInput in) {
    long lastClick = in.readLong();
    long at = in.readLong();
    return new Alert(lastClick, at);
  }

  /**
   * Every value is deeply immutable: the runtime may share it between threads instead of copying it.
   */
  @Override
  public boolean immutableValues() {
    return true;
  }
}
