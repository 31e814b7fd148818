package io.weir.state.serialization;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A growable big-endian byte buffer that serializers append to. Not thread-safe: one per writer.
 * Deliberately a final class rather than {@code java.io.DataOutput}: no checked exceptions and no
 * virtual calls, so generated serializers inline into tight code.
 */
public final class BinaryOutput {
  private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  // the largest array most JVMs allocate
  private static final int MAX_SIZE = Integer.MAX_VALUE - 8;
  /** The longest string whose header, {@code length << 1 | 1}, is a one-byte varint. */
  static final int MAX_SHORT_STRING = 63;

  private byte[] buffer;
  private int position;

  public BinaryOutput() {
    this(256);
  }

  public BinaryOutput(int initialCapacity) {
    this.buffer = new byte[Math.max(16, initialCapacity)];
  }

  /** Writes into {@code buffer} from position 0, growing into a new array if it fills up. */
  public BinaryOutput(byte[] buffer) {
    this.buffer = buffer;
  }

  /** Number of bytes written. */
  public int position() {
    return position;
  }

  /** Discards everything written; keeps the array. */
  public void clear() {
    position = 0;
  }

  /** Moves the write position back to {@code position}, e.g. to undo a partly written record. */
  public void truncate(int position) {
    if (position < 0 || position > this.position) {
      throw new IllegalArgumentException("cannot truncate to " + position + " of " + this.position);
    }
    this.position = position;
  }

  /** The backing array; bytes {@code [0, position())} are valid. It changes when the buffer grows. */
  public byte[] array() {
    return buffer;
  }

  /** Replaces the backing array (e.g. with a recycled one) and resets the position. */
  public void reset(byte[] newBuffer) {
    this.buffer = newBuffer;
    this.position = 0;
  }

  /** A copy of the bytes written. */
  public byte[] toByteArray() {
    return Arrays.copyOf(buffer, position);
  }

  private void ensure(int extra) {
    if (extra > buffer.length - position) {
      grow(extra);
    }
  }

  // kept out of ensure() so that ensure() stays small enough to inline everywhere
  private void grow(int extra) {
    long needed = (long) position + extra;
    if (extra < 0 || needed > MAX_SIZE) {
      throw new SerializationException("record larger than 2 GiB: need " + needed + " bytes");
    }
    long doubled = Math.max(16L, 2L * buffer.length);
    buffer = Arrays.copyOf(buffer, (int) Math.min(MAX_SIZE, Math.max(needed, doubled)));
  }

  public void writeBoolean(boolean v) {
    writeByte(v ? 1 : 0);
  }

  public void writeByte(int v) {
    ensure(1);
    buffer[position++] = (byte) v;
  }

  public void writeShort(int v) {
    ensure(2);
    SHORT.set(buffer, position, (short) v);
    position += 2;
  }

  public void writeChar(char v) {
    writeShort(v);
  }

  public void writeInt(int v) {
    ensure(4);
    INT.set(buffer, position, v);
    position += 4;
  }

  public void writeLong(long v) {
    ensure(8);
    LONG.set(buffer, position, v);
    position += 8;
  }

  public void writeFloat(float v) {
    writeInt(Float.floatToRawIntBits(v));
  }

  public void writeDouble(double v) {
    writeLong(Double.doubleToRawLongBits(v));
  }

  /** An unsigned LEB128 varint: 1 byte for 0..127, used for lengths, ordinals and tags. */
  public void writeVarInt(int v) {
    ensure(5);
    while ((v & ~0x7F) != 0) {
      buffer[position++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    buffer[position++] = (byte) v;
  }

  public void writeBytes(byte[] bytes, int offset, int length) {
    ensure(length);
    System.arraycopy(bytes, offset, buffer, position, length);
    position += length;
  }

  /**
   * A non-null string as its UTF-16 length (varint) followed by its chars: one byte each when all
   * are below 0x80 (flagged by the low bit of the length), else two. Cheaper than UTF-8 both ways.
   * Chars are written as they are: an unpaired surrogate survives the round trip unchanged.
   */
  public void writeString(String s) {
    int length = s.length();
    if (length <= MAX_SHORT_STRING) {
      ensure(1 + length);
      if (writeShortAscii(s, length, position)) {
        return;
      }
    }
    writeStringGeneral(s, length);
  }

  /**
   * A presence byte (0 = null, 1 = present) and then, if present, {@link #writeString}'s bytes:
   * exactly {@code writeBoolean(s != null); if (s != null) writeString(s);} with one capacity
   * check instead of two for the common short string.
   */
  public void writeNullableString(String s) {
    if (s == null) {
      writeByte(0);
      return;
    }
    int length = s.length();
    if (length <= MAX_SHORT_STRING) {
      ensure(2 + length);
      buffer[position] = 1;
      if (writeShortAscii(s, length, position + 1)) {
        return;
      }
    }
    writeByte(1);
    writeStringGeneral(s, length);
  }

  /**
   * Writes the one-byte header and the chars of a string of at most {@link #MAX_SHORT_STRING}
   * chars at {@code at} (room for {@code 1 + length} bytes checked by the caller) and moves the
   * position past them, if every char is below 0x80. Otherwise leaves the position as it was and
   * returns false. A plain char loop: for strings this short it beats a bulk
   * {@code String.getBytes} copy, whose array-copy call costs more than the copy itself.
   */
  private boolean writeShortAscii(String s, int length, int at) {
    byte[] b = buffer;
    b[at] = (byte) ((length << 1) | 1);
    int first = at + 1;
    for (int i = 0; i < length; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        return false;
      }
      b[first + i] = (byte) c;
    }
    position = first + length;
    return true;
  }

  private void writeStringGeneral(String s, int length) {
    if (length > (MAX_SIZE - 5) / 2) {
      throw new SerializationException("string of " + length + " chars is too long to write");
    }
    ensure(5 + 2 * length);
    int start = position;
    // optimistic one-byte encoding; fall back when a wide char turns up
    writeVarIntUnchecked((length << 1) | 1);
    int p = position;
    byte[] b = buffer;
    for (int i = 0; i < length; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        position = start;
        writeVarIntUnchecked(length << 1);
        for (int j = 0; j < length; j++) {
          SHORT.set(buffer, position, (short) s.charAt(j));
          position += 2;
        }
        return;
      }
      b[p++] = (byte) c;
    }
    position = p;
  }

  /** {@code a[offset, offset + length)}, 1 byte each; bulk copy for the array fast path. */
  public void writeBooleans(boolean[] a, int offset, int length) {
    ensure(length);
    for (int i = 0; i < length; i++) {
      buffer[position + i] = (byte) (a[offset + i] ? 1 : 0);
    }
    position += length;
  }

  /** {@code a[offset, offset + length)}, 2 bytes each, with one capacity check. */
  public void writeShorts(short[] a, int offset, int length) {
    ensure(checkedBytes(length, 2));
    for (int i = 0; i < length; i++) {
      SHORT.set(buffer, position, a[offset + i]);
      position += 2;
    }
  }

  /** {@code a[offset, offset + length)}, 2 bytes each, with one capacity check. */
  public void writeChars(char[] a, int offset, int length) {
    ensure(checkedBytes(length, 2));
    for (int i = 0; i < length; i++) {
      SHORT.set(buffer, position, (short) a[offset + i]);
      position += 2;
    }
  }

  /** {@code a[offset, offset + length)}, 4 bytes each, with one capacity check. */
  public void writeInts(int[] a, int offset, int length) {
    ensure(checkedBytes(length, 4));
    for (int i = 0; i < length; i++) {
      INT.set(buffer, position, a[offset + i]);
      position += 4;
    }
  }

  /** {@code a[offset, offset + length)}, 8 bytes each, with one capacity check. */
  public void writeLongs(long[] a, int offset, int length) {
    ensure(checkedBytes(length, 8));
    for (int i = 0; i < length; i++) {
      LONG.set(buffer, position, a[offset + i]);
      position += 8;
    }
  }

  /** {@code a[offset, offset + length)} as raw IEEE bits, 4 bytes each. */
  public void writeFloats(float[] a, int offset, int length) {
    ensure(checkedBytes(length, 4));
    for (int i = 0; i < length; i++) {
      INT.set(buffer, position, Float.floatToRawIntBits(a[offset + i]));
      position += 4;
    }
  }

  /** {@code a[offset, offset + length)} as raw IEEE bits, 8 bytes each. */
  public void writeDoubles(double[] a, int offset, int length) {
    ensure(checkedBytes(length, 8));
    for (int i = 0; i < length; i++) {
      LONG.set(buffer, position, Double.doubleToRawLongBits(a[offset + i]));
      position += 8;
    }
  }

  private static int checkedBytes(int count, int width) {
    long bytes = (long) count * width;
    if (bytes > MAX_SIZE) {
      throw new SerializationException("array of " + count + " elements is too large to write");
    }
    return (int) bytes;
  }

  private void writeVarIntUnchecked(int v) {
    while ((v & ~0x7F) != 0) {
      buffer[position++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    buffer[position++] = (byte) v;
  }
}
