package io.weir.state.serialization;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Reads what {@link BinaryOutput} wrote, from a slice of a byte array. Reading past the end throws
 * {@link SerializationException} instead of returning garbage.
 */
public final class BinaryInput {
  private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  private byte[] buffer;
  private int position;
  private int limit;

  public BinaryInput() {
    this(new byte[0], 0, 0);
  }

  public BinaryInput(byte[] buffer) {
    this(buffer, 0, buffer.length);
  }

  public BinaryInput(byte[] buffer, int offset, int length) {
    reset(buffer, offset, length);
  }

  /** Reads {@code buffer[offset, offset + length)} next. */
  public void reset(byte[] buffer, int offset, int length) {
    if (offset < 0 || length < 0 || offset + length > buffer.length) {
      throw new IllegalArgumentException("slice [" + offset + ", +" + length + ") outside array of " + buffer.length);
    }
    this.buffer = buffer;
    this.position = offset;
    this.limit = offset + length;
  }

  public int position() {
    return position;
  }

  public int remaining() {
    return limit - position;
  }

  public boolean hasRemaining() {
    return position < limit;
  }

  /**
   * The backing array; the unread bytes are {@code [position(), position() + remaining())}. For
   * codecs that parse in place (e.g. the Kryo fallback) and then {@link #skip} what they consumed.
   */
  public byte[] array() {
    return buffer;
  }

  /** Moves past {@code n} bytes without reading them. */
  public void skip(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("cannot skip " + n + " bytes");
    }
    require(n);
    position += n;
  }

  private void require(int n) {
    if (n > limit - position) {
      throw new SerializationException(
          "truncated input: needed " + n + " bytes at offset " + position + " but only " + (limit - position) + " remain");
    }
  }

  public boolean readBoolean() {
    byte b = readByte();
    if ((b & ~1) != 0) {
      throw new SerializationException("corrupt input: boolean byte " + b + " at offset " + (position - 1));
    }
    return b != 0;
  }

  public byte readByte() {
    require(1);
    return buffer[position++];
  }

  public short readShort() {
    require(2);
    short v = (short) SHORT.get(buffer, position);
    position += 2;
    return v;
  }

  public char readChar() {
    return (char) readShort();
  }

  public int readInt() {
    require(4);
    int v = (int) INT.get(buffer, position);
    position += 4;
    return v;
  }

  public long readLong() {
    require(8);
    long v = (long) LONG.get(buffer, position);
    position += 8;
    return v;
  }

  public float readFloat() {
    return Float.intBitsToFloat(readInt());
  }

  public double readDouble() {
    return Double.longBitsToDouble(readLong());
  }

  public int readVarInt() {
    int p = position;
    if (p < limit && buffer[p] >= 0) { // one byte: lengths, counts, ordinals, short strings
      position = p + 1;
      return buffer[p];
    }
    return readVarIntGeneral();
  }

  private int readVarIntGeneral() {
    int result = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      byte b = readByte();
      result |= (b & 0x7F) << shift;
      if (b >= 0) {
        return result;
      }
    }
    throw new SerializationException("corrupt input: varint longer than 5 bytes at offset " + position);
  }

  /** A length, count or size: a varint that must be non-negative and no larger than {@code max}. */
  public int readLength(int max) {
    int n = readVarInt();
    if (n < 0 || n > max) {
      throw new SerializationException("corrupt input: length " + n + " at offset " + position + " exceeds " + max);
    }
    return n;
  }

  public void readBytes(byte[] into, int offset, int length) {
    require(length);
    System.arraycopy(buffer, position, into, offset, length);
    position += length;
  }

  /** Fills {@code into[offset, offset + length)} with bytes written by {@link BinaryOutput#writeBooleans}. */
  public void readBooleans(boolean[] into, int offset, int length) {
    require(length);
    for (int i = 0; i < length; i++) {
      byte b = buffer[position + i];
      if ((b & ~1) != 0) {
        throw new SerializationException("corrupt input: boolean byte " + b + " at offset " + (position + i));
      }
      into[offset + i] = b != 0;
    }
    position += length;
  }

  /** Fills {@code into[offset, offset + length)} with values written by {@link BinaryOutput#writeShorts}. */
  public void readShorts(short[] into, int offset, int length) {
    requireElements(length, 2);
    for (int i = 0; i < length; i++) {
      into[offset + i] = (short) SHORT.get(buffer, position);
      position += 2;
    }
  }

  /** Fills {@code into[offset, offset + length)} with values written by {@link BinaryOutput#writeChars}. */
  public void readChars(char[] into, int offset, int length) {
    requireElements(length, 2);
    for (int i = 0; i < length; i++) {
      into[offset + i] = (char) (short) SHORT.get(buffer, position);
      position += 2;
    }
  }

  /** Fills {@code into[offset, offset + length)} with values written by {@link BinaryOutput#writeInts}. */
  public void readInts(int[] into, int offset, int length) {
    requireElements(length, 4);
    for (int i = 0; i < length; i++) {
      into[offset + i] = (int) INT.get(buffer, position);
      position += 4;
    }
  }

  /** Fills {@code into[offset, offset + length)} with values written by {@link BinaryOutput#writeLongs}. */
  public void readLongs(long[] into, int offset, int length) {
    requireElements(length, 8);
    for (int i = 0; i < length; i++) {
      into[offset + i] = (long) LONG.get(buffer, position);
      position += 8;
    }
  }

  /** Fills {@code into[offset, offset + length)} with values written by {@link BinaryOutput#writeFloats}. */
  public void readFloats(float[] into, int offset, int length) {
    requireElements(length, 4);
    for (int i = 0; i < length; i++) {
      into[offset + i] = Float.intBitsToFloat((int) INT.get(buffer, position));
      position += 4;
    }
  }

  /** Fills {@code into[offset, offset + length)} with values written by {@link BinaryOutput#writeDoubles}. */
  public void readDoubles(double[] into, int offset, int length) {
    requireElements(length, 8);
    for (int i = 0; i < length; i++) {
      into[offset + i] = Double.longBitsToDouble((long) LONG.get(buffer, position));
      position += 8;
    }
  }

  private void requireElements(int count, int width) {
    if (count > (limit - position) / width) {
      throw new SerializationException("truncated input: needed " + count + " elements of " + width
          + " bytes at offset " + position + " but only " + (limit - position) + " bytes remain");
    }
  }

  /** Reads what {@link BinaryOutput#writeString} wrote. */
  public String readString() {
    int p = position;
    if (p < limit) {
      int header = buffer[p];
      // a one-byte varint (high bit clear) with the one-byte-per-char flag: the common short string
      if ((header & 0x81) == 1 && header >>> 1 < limit - p) {
        int length = header >>> 1;
        position = p + 1 + length;
        return latin1(buffer, p + 1, length);
      }
    }
    return readStringGeneral();
  }

  /** Reads what {@link BinaryOutput#writeNullableString} wrote: a presence byte, then maybe a string. */
  public String readNullableString() {
    int p = position;
    if (limit - p >= 2 && buffer[p] == 1) {
      int header = buffer[p + 1];
      if ((header & 0x81) == 1 && header >>> 1 < limit - p - 1) {
        int length = header >>> 1;
        position = p + 2 + length;
        return latin1(buffer, p + 2, length);
      }
    }
    return readBoolean() ? readStringGeneral() : null;
  }

  private String readStringGeneral() {
    int header = readVarInt();
    int length = header >>> 1;
    if ((header & 1) != 0) {
      require(length);
      String s = latin1(buffer, position, length);
      position += length;
      return s;
    }
    // checked before allocating, so a corrupt length cannot ask for a huge array
    requireElements(length, 2);
    char[] chars = new char[length];
    for (int i = 0; i < length; i++) {
      chars[i] = (char) (short) SHORT.get(buffer, position);
      position += 2;
    }
    return new String(chars);
  }

  /**
   * {@code bytes[offset, offset + length)} as chars {@code 0x00..0xFF}, like ISO-8859-1 decoding
   * (the writer only puts bytes below 0x80 here). The deprecated "hibyte" constructor, not
   * {@code new String(bytes, offset, length, ISO_8859_1)}: on JDK 17 the charset constructor is
   * some 840 bytes of bytecode, too large for C2 to inline, so each string paid a real call;
   * this one is small, inlines, and with compact strings is one {@code Arrays.copyOfRange}.
   */
  @SuppressWarnings("deprecation")
  private static String latin1(byte[] bytes, int offset, int length) {
    return new String(bytes, 0, offset, length);
  }
}
