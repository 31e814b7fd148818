package io.weir.maven;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineCaptureTest {

  @Test
  void passesEveryByteThroughAndKeepsTheFirstCompleteLines() throws IOException {
    ByteArrayOutputStream target = new ByteArrayOutputStream();
    LineCapture capture = new LineCapture(target, 2, StandardCharsets.UTF_8);
    byte[] text = "first\r\nsec".getBytes(StandardCharsets.UTF_8);
    byte[] rest = "ond\nthird\nfourth\n".getBytes(StandardCharsets.UTF_8);

    capture.write(text, 0, text.length);
    capture.write(rest, 0, rest.length);
    capture.write('!');

    assertEquals(List.of("first", "second"), capture.lines());
    assertArrayEquals(
        "first\r\nsecond\nthird\nfourth\n!".getBytes(StandardCharsets.UTF_8), target.toByteArray());
  }

  @Test
  void anUnfinishedLineIsNotALineYet() throws IOException {
    LineCapture capture = new LineCapture(new ByteArrayOutputStream(), 5, StandardCharsets.UTF_8);
    byte[] text = "no newline".getBytes(StandardCharsets.UTF_8);

    capture.write(text, 0, text.length);

    assertEquals(List.of(), capture.lines());
  }

  @Test
  void decodesWithTheGivenCharset() throws IOException {
    LineCapture capture = new LineCapture(new ByteArrayOutputStream(), 5, StandardCharsets.UTF_8);
    byte[] text = "job 'zähler' is unknown\n".getBytes(StandardCharsets.UTF_8);

    capture.write(text, 0, text.length);

    assertEquals(List.of("job 'zähler' is unknown"), capture.lines());
  }

  @Test
  void cutsVeryLongLines() throws IOException {
    LineCapture capture = new LineCapture(new ByteArrayOutputStream(), 5, StandardCharsets.UTF_8);
    byte[] text = ("x".repeat(5_000) + "\n").getBytes(StandardCharsets.UTF_8);

    capture.write(text, 0, text.length);

    assertEquals(2_000, capture.lines().get(0).length());
  }
}
