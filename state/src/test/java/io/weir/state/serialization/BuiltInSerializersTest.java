package io.weir.state.serialization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

class BuiltInSerializersTest {

  /** Writes every value, then reads them back from one buffer, so lengths must be exact. */
  private static <T> void roundTrip(TypeSerializer<T> serializer, List<T> values) {
    BinaryOutput out = new BinaryOutput(16);
    for (T v : values) {
      serializer.serialize(v, out);
    }
    BinaryInput in = new BinaryInput(out.toByteArray());
    for (T v : values) {
      assertEquals(v, serializer.deserialize(in), () -> serializer.getClass().getSimpleName());
    }
    assertFalse(in.hasRemaining(), "all bytes consumed");
  }

  @Test
  void strings() {
    roundTrip(StringSerializer.INSTANCE, List.of("", "a", "hello world", "grüße", "日本語", "emoji \uD83D\uDE00", "x".repeat(300)));
  }

  @Test
  void integralBoxes() {
    roundTrip(LongSerializer.INSTANCE, List.of(0L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, 1234567890123L));
    roundTrip(IntSerializer.INSTANCE, List.of(0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, 42));
    roundTrip(ShortSerializer.INSTANCE, List.of((short) 0, (short) -1, Short.MIN_VALUE, Short.MAX_VALUE));
    roundTrip(ByteSerializer.INSTANCE, List.of((byte) 0, (byte) -1, Byte.MIN_VALUE, Byte.MAX_VALUE));
  }

  @Test
  void floatingPointKeepsSpecialValues() {
    roundTrip(DoubleSerializer.INSTANCE,
        List.of(0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.MIN_VALUE, Double.MAX_VALUE, 3.25));
    roundTrip(FloatSerializer.INSTANCE,
        List.of(0f, -0f, Float.NaN, Float.NEGATIVE_INFINITY, Float.MIN_VALUE, Float.MAX_VALUE, 1.5f));
    // -0.0 and 0.0 are equal as boxes only by bits; check the sign survives
    BinaryOutput out = new BinaryOutput();
    DoubleSerializer.INSTANCE.serialize(-0.0, out);
    assertEquals(Double.doubleToRawLongBits(-0.0),
        Double.doubleToRawLongBits(DoubleSerializer.INSTANCE.deserialize(new BinaryInput(out.toByteArray()))));
  }

  @Test
  void booleansAndChars() {
    roundTrip(BooleanSerializer.INSTANCE, List.of(true, false, true));
    roundTrip(CharSerializer.INSTANCE, List.of('a', '\0', 'ß', '\uFFFF', '\uD83D'));
  }

  @Test
  void fixedWidthSizes() {
    BinaryOutput out = new BinaryOutput();
    LongSerializer.INSTANCE.serialize(1L, out);
    IntSerializer.INSTANCE.serialize(1, out);
    ShortSerializer.INSTANCE.serialize((short) 1, out);
    ByteSerializer.INSTANCE.serialize((byte) 1, out);
    BooleanSerializer.INSTANCE.serialize(true, out);
    CharSerializer.INSTANCE.serialize('x', out);
    assertEquals(8 + 4 + 2 + 1 + 1 + 2, out.position());
  }
}
