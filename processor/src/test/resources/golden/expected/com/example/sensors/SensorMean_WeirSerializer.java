package com.example.sensors;

import io.weir.state.serialization.BinaryInput;
import io.weir.state.serialization.BinaryOutput;
import io.weir.state.serialization.TypeSerializer;
import javax.annotation.processing.Generated;

/**
 * Serializes the record {@code com.example.sensors.SensorMean}: its components in declaration order, each reference
 * preceded by a presence byte (0 = null, 1 = present).
 */
@Generated("io.weir.processor.WeirProcessor")
public final class SensorMean_WeirSerializer implements TypeSerializer<SensorMean> {
  public static final SensorMean_WeirSerializer INSTANCE = new SensorMean_WeirSerializer();

  /**
   * This class and a hash of the layout it writes, including nested types' layouts.
   */
  public static final String FORMAT_ID = "com.example.sensors.SensorMean_WeirSerializer/fdeeab4eeae61c4e";

  private SensorMean_WeirSerializer() {
  }

  @Override
  public void serialize(SensorMean value, BinaryOutput out) {
    write(value, out);
  }

  @Override
  public SensorMean deserialize(BinaryInput in) {
    return read(in);
  }

  @Override
  public String formatId() {
    return FORMAT_ID;
  }

  /**
   * Writes a non-null {@code com.example.sensors.SensorMean}.
   */
  public static void write(SensorMean value, BinaryOutput out) {
    out.writeNullableString(value.sensor());
    out.writeLong(value.start());
    out.writeLong(value.end());
    out.writeDouble(value.mean());
  }

  /**
   * Reads a value written by {@link #write}.
   */
  public static SensorMean read(BinaryInput in) {
    String sensor = in.readNullableString();
    long start = in.readLong();
    long end = in.readLong();
    double mean = in.readDouble();
    return new SensorMean(sensor, start, end, mean);
  }

  /**
   * Every value is deeply immutable: the runtime may share it between threads instead of copying it.
   */
  @Override
  public boolean immutableValues() {
    return true;
  }
}
