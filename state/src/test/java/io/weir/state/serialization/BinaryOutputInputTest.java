package io.weir.state.serialization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BinaryOutputInputTest {

  @Test
  void growsFromTinyBufferAndKeepsContent() {
    byte[] initial = new byte[2];
    BinaryOutput out = new BinaryOutput(initial);
    for (int i = 0; i < 10_000; i++) {
      out.writeInt(i);
    }
    assertNotSame(initial, out.array());
    assertEquals(40_000, out.position());
    BinaryInput in = new BinaryInput(out.toByteArray());
    for (int i = 0; i < 10_000; i++) {
      assertEquals(i, in.readInt());
    }
    assertFalse(in.hasRemaining());
  }

  @Test
  void growsFromEmptyArray() {
    BinaryOutput out = new BinaryOutput(new byte[0]);
    out.writeString("does not fit in zero bytes");
    assertEquals("does not fit in zero bytes", new BinaryInput(out.toByteArray()).readString());
  }

  @Test
  void varIntLengths() {
    int[] values = {0, 1, 127, 128, 16_383, 16_384, 2_097_151, 2_097_152, Integer.MAX_VALUE, -1, Integer.MIN_VALUE};
    int[] sizes = {1, 1, 1, 2, 2, 3, 3, 4, 5, 5, 5};
    for (int i = 0; i < values.length; i++) {
      BinaryOutput out = new BinaryOutput();
      out.writeVarInt(values[i]);
      assertEquals(sizes[i], out.position(), "size of " + values[i]);
      BinaryInput in = new BinaryInput(out.toByteArray());
      assertEquals(values[i], in.readVarInt());
      assertFalse(in.hasRemaining());
    }
  }

  @Test
  void overlongVarIntIsCorrupt() {
    byte[] sixBytes = {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0};
    assertThrows(SerializationException.class, () -> new BinaryInput(sixBytes).readVarInt());
  }

  @Test
  void readLengthRejectsOutOfRange() {
    BinaryOutput out = new BinaryOutput();
    out.writeVarInt(100);
    out.writeVarInt(-5);
    BinaryInput in = new BinaryInput(out.toByteArray());
    assertThrows(SerializationException.class, () -> in.readLength(99));
    BinaryInput negative = new BinaryInput(out.toByteArray(), 1, out.position() - 1);
    assertThrows(SerializationException.class, () -> negative.readLength(Integer.MAX_VALUE));
  }

  @Test
  void stringsAsciiAndWide() {
    String[] samples = {"", "plain", "ü", "mixed ascii then Ω", "日本語テキスト", "\uD83D\uDE00 pair", "\u007F\u0080", "\0nul"};
    BinaryOutput out = new BinaryOutput(4);
    for (String s : samples) {
      out.writeString(s);
    }
    BinaryInput in = new BinaryInput(out.toByteArray());
    for (String s : samples) {
      assertEquals(s, in.readString());
    }
    assertFalse(in.hasRemaining());
  }

  @Test
  void asciiStringsTakeOneBytePerChar() {
    BinaryOutput out = new BinaryOutput();
    out.writeString("abcd");
    assertEquals(1 + 4, out.position());
    out.clear();
    out.writeString("abcé");
    assertEquals(1 + 8, out.position());
  }

  @Test
  void truncatedInputThrows() {
    BinaryOutput out = new BinaryOutput();
    out.writeLong(7);
    out.writeString("truncated string");
    byte[] all = out.toByteArray();
    for (int cut = 0; cut < all.length; cut++) {
      BinaryInput in = new BinaryInput(all, 0, cut);
      assertThrows(SerializationException.class, () -> {
        in.readLong();
        in.readString();
      }, "cut at " + cut);
    }
  }

  @Test
  void truncatedWideStringDoesNotAllocateHugeArray() {
    BinaryOutput out = new BinaryOutput();
    out.writeVarInt(Integer.MAX_VALUE - 1); // even: the two-byte form, ~1G chars
    assertThrows(SerializationException.class, () -> new BinaryInput(out.toByteArray()).readString());
  }

  @Test
  void sliceRespectsLimit() {
    byte[] bytes = {1, 2, 3, 4, 5, 6};
    BinaryInput in = new BinaryInput(bytes, 2, 2);
    assertEquals(3, in.readByte());
    assertEquals(4, in.readByte());
    assertThrows(SerializationException.class, in::readByte);
    assertThrows(IllegalArgumentException.class, () -> new BinaryInput(bytes, 4, 3));
  }

  @Test
  void corruptBooleanThrows() {
    assertThrows(SerializationException.class, () -> new BinaryInput(new byte[] {2}).readBoolean());
    assertThrows(SerializationException.class,
        () -> new BinaryInput(new byte[] {1, 0, 7}).readBooleans(new boolean[3], 0, 3));
  }

  @Test
  void primitiveArrayBulkRoundTrip() {
    boolean[] z = {true, false, true};
    short[] s = {Short.MIN_VALUE, 0, 1, Short.MAX_VALUE};
    char[] c = {'a', 'ß', '\uFFFF'};
    int[] i = {Integer.MIN_VALUE, -1, 0, Integer.MAX_VALUE};
    long[] l = {Long.MIN_VALUE, 0, Long.MAX_VALUE};
    float[] f = {Float.NaN, -0f, 1.5f};
    double[] d = {Double.NaN, -0.0, Math.PI};
    BinaryOutput out = new BinaryOutput(1);
    out.writeBooleans(z, 0, z.length);
    out.writeShorts(s, 0, s.length);
    out.writeChars(c, 0, c.length);
    out.writeInts(i, 1, 2); // a sub-range
    out.writeLongs(l, 0, l.length);
    out.writeFloats(f, 0, f.length);
    out.writeDoubles(d, 0, d.length);
    assertEquals(3 + 8 + 6 + 8 + 24 + 12 + 24, out.position());

    BinaryInput in = new BinaryInput(out.toByteArray());
    boolean[] z2 = new boolean[3];
    short[] s2 = new short[4];
    char[] c2 = new char[3];
    int[] i2 = new int[2];
    long[] l2 = new long[3];
    float[] f2 = new float[3];
    double[] d2 = new double[3];
    in.readBooleans(z2, 0, 3);
    in.readShorts(s2, 0, 4);
    in.readChars(c2, 0, 3);
    in.readInts(i2, 0, 2);
    in.readLongs(l2, 0, 3);
    in.readFloats(f2, 0, 3);
    in.readDoubles(d2, 0, 3);
    assertArrayEquals(z, z2);
    assertArrayEquals(s, s2);
    assertArrayEquals(c, c2);
    assertArrayEquals(new int[] {-1, 0}, i2);
    assertArrayEquals(l, l2);
    assertArrayEquals(f, f2);
    assertArrayEquals(d, d2);
    assertFalse(in.hasRemaining());
  }

  @Test
  void bulkReadOfTruncatedArrayThrows() {
    BinaryInput in = new BinaryInput(new byte[15]);
    assertThrows(SerializationException.class, () -> in.readLongs(new long[2], 0, 2));
    assertEquals(0, in.position(), "nothing consumed");
  }

  @Test
  void skipAndArray() {
    byte[] bytes = {9, 8, 7};
    BinaryInput in = new BinaryInput(bytes, 1, 2);
    assertTrue(in.array() == bytes);
    in.skip(1);
    assertEquals(7, in.readByte());
    assertThrows(SerializationException.class, () -> in.skip(1));
  }

  @Test
  void truncateUndoesPartialWrite() {
    BinaryOutput out = new BinaryOutput();
    out.writeInt(1);
    int mark = out.position();
    out.writeString("partial");
    out.truncate(mark);
    out.writeInt(2);
    BinaryInput in = new BinaryInput(out.toByteArray());
    assertEquals(1, in.readInt());
    assertEquals(2, in.readInt());
    assertThrows(IllegalArgumentException.class, () -> out.truncate(100));
  }
}
