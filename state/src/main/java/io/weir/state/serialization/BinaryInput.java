package io.weir.state.serialization;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

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

  public String readString() {
    int header = readVarInt();
    int length = header >>> 1;
    if ((header & 1) != 0) {
      require(length);
      // ISO-8859-1 decoding of bytes < 0x80 is a plain widening copy (and compact strings keep it one byte per char)
      String s = new String(buffer, position, length, StandardCharsets.ISO_8859_1);
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
}
