package com.example.sensors;

import io.weir.state.serialization.BinaryInput;
import io.weir.state.serialization.BinaryOutput;
import io.weir.state.serialization.TypeSerializer;
import javax.annotation.processing.Generated;

/**
 * Serializes the record {@code com.example.sensors.MeanCelsius.Sum}: its components in declaration order, each reference
 * preceded by a presence byte (0 = null, 1 = present).
 */
@Generated("io.weir.processor.WeirProcessor")
public final class MeanCelsius_Sum_WeirSerializer implements TypeSerializer<MeanCelsius.Sum> {
  public static final MeanCelsius_Sum_WeirSerializer INSTANCE = new MeanCelsius_Sum_WeirSerializer();

  /**
   * This class and a hash of the layout it writes, including nested types' layouts.
   */
  public static final String FORMAT_ID = "com.example.sensors.MeanCelsius_Sum_WeirSerializer/adbb8b7d82eababe";

  private MeanCelsius_Sum_WeirSerializer() {
  }

  @Override
  public void serialize(MeanCelsius.Sum value, BinaryOutput out) {
    write(value, out);
  }

  @Override
  public MeanCelsius.Sum deserialize(BinaryInput in) {
    return read(in);
  }

  @Override
  public String formatId() {
    return FORMAT_ID;
  }

  /**
   * Writes a non-null {@code com.example.sensors.MeanCelsius.Sum}.
   */
  public static void write(MeanCelsius.Sum value, BinaryOutput out) {
    out.writeDouble(value.total());
    out.writeLong(value.count());
  }

  /**
   * Reads a value written by {@link #write}.
   */
  public static MeanCelsius.Sum read(BinaryInput in) {
    double total = in.readDouble();
    long count = in.readLong();
    return new MeanCelsius.Sum(total, count);
  }

  /**
   * Every value is deeply immutable: the runtime may share it between threads instead of copying it.
   */
  @Override
  public boolean immutableValues() {
    return true;
  }
}
