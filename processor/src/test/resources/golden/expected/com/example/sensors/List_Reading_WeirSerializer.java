package com.example.sensors;

import io.weir.state.serialization.BinaryInput;
import io.weir.state.serialization.BinaryOutput;
import io.weir.state.serialization.TypeSerializer;
import java.util.ArrayList;
import java.util.List;
import java.util.RandomAccess;
import javax.annotation.processing.Generated;

/**
 * Serializes {@code java.util.List<com.example.sensors.Reading>}; nested references are preceded by a presence byte.
 */
@Generated("io.weir.processor.WeirProcessor")
public final class List_Reading_WeirSerializer implements TypeSerializer<List<Reading>> {
  public static final List_Reading_WeirSerializer INSTANCE = new List_Reading_WeirSerializer();

  /**
   * This class and a hash of the layout it writes, including nested types' layouts.
   */
  public static final String FORMAT_ID = "com.example.sensors.List_Reading_WeirSerializer/3c0784a05b26add0";

  private List_Reading_WeirSerializer() {
  }

  @Override
  public void serialize(List<Reading> value, BinaryOutput out) {
    write(value, out);
  }

  @Override
  public List<Reading> deserialize(BinaryInput in) {
    return read(in);
  }

  @Override
  public String formatId() {
    return FORMAT_ID;
  }

  /**
   * Writes a non-null {@code java.util.List<com.example.sensors.Reading>}.
   */
  public static void write(List<Reading> value, BinaryOutput out) {
    int valueSize = value.size();
    out.writeVarInt(valueSize);
    if (value instanceof RandomAccess) {
      for (int i = 0; i < valueSize; i++) {
        Reading valueElement = value.get(i);
        out.writeBoolean(valueElement != null);
        if (valueElement != null) {
          Reading_WeirSerializer.write(valueElement, out);
        }
      }
    } else {
      for (Reading valueElement : value) {
        out.writeBoolean(valueElement != null);
        if (valueElement != null) {
          Reading_WeirSerializer.write(valueElement, out);
        }
      }
    }
  }

  /**
   * Reads a value written by {@link #write}.
   */
  public static List<Reading> read(BinaryInput in) {
    List<Reading> result;
    int resultSize = in.readLength(in.remaining());
    result = new ArrayList<>(resultSize);
    for (int i = 0; i < resultSize; i++) {
      result.add(in.readBoolean() ? Reading_WeirSerializer.read(in) : null);
    }
    return result;
  }
}
