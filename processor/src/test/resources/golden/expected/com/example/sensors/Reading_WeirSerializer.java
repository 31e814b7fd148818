package com.example.sensors;

import io.weir.state.serialization.BinaryInput;
import io.weir.state.serialization.BinaryOutput;
import io.weir.state.serialization.TypeSerializer;
import javax.annotation.processing.Generated;

/**
 * Serializes the record {@code com.example.sensors.Reading}: its components in declaration order, each reference
 * preceded by a presence byte (0 = null, 1 = present).
 */
@Generated("io.weir.processor.WeirProcessor")
public final class Reading_WeirSerializer implements TypeSerializer<Reading> {
  public static final Reading_WeirSerializer INSTANCE = new Reading_WeirSerializer();

  /**
   * This class and a hash of the layout it writes, including nested types' layouts.
   */
  public static final String FORMAT_ID = "com.example.sensors.Reading_WeirSerializer/f1d7cbbb85674eaa";

  private Reading_WeirSerializer() {
  }

  @Override
  public void serialize(Reading value, BinaryOutput out) {
    write(value, out);
  }

  @Override
  public Reading deserialize(BinaryInput in) {
    return read(in);
  }

  @Override
  public String formatId() {
    return FORMAT_ID;
  }

  /**
   * Writes a non-null {@code com.example.sensors.Reading}.
   */
  public static void write(Reading value, BinaryOutput out) {
    out.writeNullableString(value.sensor());
    out.writeLong(value.time());
    out.writeDouble(value.celsius());
  }

  /**
   * Reads a value written by {@link #write}.
   */
  public static Reading read(BinaryInput in) {
    String sensor = in.readNullableString();
    long time = in.readLong();
    double celsius = in.readDouble();
    return new Reading(sensor, time, celsius);
  }

  /**
   * Every value is deeply immutable: the runtime may share it between threads instead of copying it.
   */
  @Override
  public boolean immutableValues() {
    return true;
  }
}
