package io.weir.maven;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

/**
 * Passes everything written to it on to another stream unchanged, and keeps the first few lines so
 * the build's failure message can quote them (the runner states a usage error in one line).
 */
final class LineCapture extends OutputStream {
  /** Longer lines are cut: the capture is for a message, not a log. */
  private static final int MAX_LINE_BYTES = 2_000;

  private final OutputStream delegate;
  private final int maxLines;
  private final Charset charset;
  private final List<String> lines = new ArrayList<>();
  private final ByteArrayOutputStream current = new ByteArrayOutputStream();

  /**
   * @param charset how the writer encodes text; for a child process, the platform's native
   *     encoding, which its System.err uses
   */
  LineCapture(OutputStream delegate, int maxLines, Charset charset) {
    this.delegate = delegate;
    this.maxLines = maxLines;
    this.charset = charset;
  }

  @Override
  public synchronized void write(int b) throws IOException {
    delegate.write(b);
    record(b);
  }

  @Override
  public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
    delegate.write(bytes, offset, length);
    for (int i = offset; i < offset + length && lines.size() < maxLines; i++) {
      record(bytes[i]);
    }
  }

  @Override
  public void flush() throws IOException {
    delegate.flush();
  }

  /** The complete lines captured so far, without line terminators; at most {@code maxLines}. */
  synchronized List<String> lines() {
    return List.copyOf(lines);
  }

  private void record(int b) {
    if (lines.size() >= maxLines) {
      return;
    }
    if (b == '\n') {
      String line = current.toString(charset);
      lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
      current.reset();
    } else if (current.size() < MAX_LINE_BYTES) {
      current.write(b);
    }
  }
}
