package io.weir.state.serialization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Strings and nullable strings: the bytes are fixed (snapshots and the network read them), so every
 * sample is checked against an encoder written here from the format's definition, on the short
 * fast paths and the general one alike, at every buffer fill level.
 */
class BinaryStringsTest {

  /** Empty, ASCII around the one-byte-header limit (63 chars), Latin-1, BMP, pairs, lone surrogates. */
  private static List<String> samples() {
    List<String> samples = new ArrayList<>(List.of(
        "", "a", "w42", "\0", "\u007F", "\u0080", "é", "ÿ", "Zoë", "Ω", "日本語", "\uD83D\uDE00", "a\uD83D\uDE00b",
        "\uD800", "x\uDC00", "\uDBFF\uD800", "\uFFFF", "ascii then ü"));
    for (int length : new int[] {62, 63, 64, 65, 127, 200, 5_000}) {
      samples.add("abcdefghij".repeat(length / 10 + 1).substring(0, length));
      samples.add("a".repeat(length - 1) + "é"); // the wide char comes last: the ASCII attempt fails late
      samples.add("é" + "a".repeat(length - 1));
    }
    return samples;
  }

  /** The format, independently: varint of length << 1 | 1 and one byte per char when all are below 0x80, else varint of length << 1 and big-endian chars. */
  private static byte[] expected(String s) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    boolean ascii = s.chars().allMatch(c -> c < 0x80);
    int header = ascii ? s.length() << 1 | 1 : s.length() << 1;
    while (header >= 0x80) {
      bytes.write(header & 0x7F | 0x80);
      header >>>= 7;
    }
    bytes.write(header);
    for (char c : s.toCharArray()) {
      if (!ascii) {
        bytes.write(c >>> 8);
      }
      bytes.write(c & 0xFF);
    }
    return bytes.toByteArray();
  }

  @Test
  void writeStringWritesTheDocumentedBytesAtEveryFillLevel() {
    for (String s : samples()) {
      byte[] want = expected(s);
      for (int fill = 0; fill < 20; fill++) {
        BinaryOutput out = new BinaryOutput(new byte[16]); // small: the string often does not fit
        for (int i = 0; i < fill; i++) {
          out.writeByte(0x55);
        }
        out.writeString(s);
        assertArrayEquals(want, slice(out, fill), () -> "bytes of " + describe(s));
        BinaryInput in = new BinaryInput(out.toByteArray(), fill, out.position() - fill);
        assertEquals(s, in.readString(), () -> describe(s));
        assertFalse(in.hasRemaining());
      }
    }
  }

  @Test
  void nullableStringIsAPresenceByteThenTheString() {
    List<String> values = new ArrayList<>(samples());
    values.add(null);
    for (String s : values) {
      for (int fill = 0; fill < 20; fill++) {
        BinaryOutput fused = new BinaryOutput(new byte[16]);
        BinaryOutput separate = new BinaryOutput(new byte[16]);
        for (int i = 0; i < fill; i++) {
          fused.writeByte(0x55);
          separate.writeByte(0x55);
        }
        fused.writeNullableString(s);
        separate.writeBoolean(s != null);
        if (s != null) {
          separate.writeString(s);
        }
        assertArrayEquals(separate.toByteArray(), fused.toByteArray(), () -> describe(s));
        BinaryInput in = new BinaryInput(fused.toByteArray(), fill, fused.position() - fill);
        assertEquals(s, in.readNullableString(), () -> describe(s));
        assertFalse(in.hasRemaining());
        // and the two readers agree on what the other format wrote
        BinaryInput twoStep = new BinaryInput(fused.toByteArray(), fill, fused.position() - fill);
        assertEquals(s, twoStep.readBoolean() ? twoStep.readString() : null);
      }
    }
  }

  @Test
  void consecutiveStringsEachConsumeExactlyTheirBytes() {
    BinaryOutput out = new BinaryOutput(4);
    List<String> samples = samples();
    for (String s : samples) {
      out.writeString(s);
      out.writeNullableString(s);
      out.writeNullableString(null);
      out.writeByte(0x3C);
    }
    BinaryInput in = new BinaryInput(out.toByteArray());
    for (String s : samples) {
      assertEquals(s, in.readString());
      assertEquals(s, in.readNullableString());
      assertNull(in.readNullableString());
      assertEquals(0x3C, in.readByte());
    }
    assertFalse(in.hasRemaining());
  }

  @Test
  void shortAsciiLayoutIsOneHeaderByteThenTheChars() {
    BinaryOutput out = new BinaryOutput();
    out.writeNullableString("EUR");
    out.writeNullableString(null);
    out.writeString("é");
    assertArrayEquals(new byte[] {1, 7, 'E', 'U', 'R', 0, 2, 0, (byte) 0xE9}, out.toByteArray());
  }

  @Test
  void truncatedStringsFailClearlyAtEveryCut() {
    for (String s : List.of("", "w42", "a".repeat(63), "a".repeat(64), "Zoë", "\uD83D\uDE00")) {
      BinaryOutput out = new BinaryOutput();
      out.writeNullableString(s);
      byte[] bytes = out.toByteArray();
      for (int cut = 0; cut < bytes.length; cut++) {
        BinaryInput nullable = new BinaryInput(bytes, 0, cut);
        String where = describe(s) + " cut at " + cut;
        SerializationException e = assertThrows(SerializationException.class, nullable::readNullableString, where);
        assertTrue(e.getMessage().startsWith("truncated input"), e.getMessage());
        if (cut >= 1) {
          BinaryInput plain = new BinaryInput(bytes, 1, cut - 1);
          assertThrows(SerializationException.class, plain::readString, where);
        }
      }
    }
  }

  @Test
  void corruptPresenceByteIsRejected() {
    byte[] bytes = {2, 3, 'a'};
    SerializationException e = assertThrows(SerializationException.class, () -> new BinaryInput(bytes).readNullableString());
    assertTrue(e.getMessage().contains("boolean byte 2"), e.getMessage());
  }

  private static byte[] slice(BinaryOutput out, int from) {
    byte[] all = out.toByteArray();
    byte[] slice = new byte[all.length - from];
    System.arraycopy(all, from, slice, 0, slice.length);
    return slice;
  }

  private static String describe(String s) {
    if (s == null) {
      return "null";
    }
    StringBuilder b = new StringBuilder(s.length() + " chars:");
    s.chars().limit(8).forEach(c -> b.append(String.format(" %04x", c)));
    return b.toString();
  }
}
