package io.weir.samples.wordcount;

import io.weir.api.Emitter;
import io.weir.api.Job;
import io.weir.api.Source;
import io.weir.api.SourceContext;
import io.weir.api.SourceReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the lines of {@code --input FILE}, or of the bundled text when no file is given. Instance
 * i of n reads the lines whose number is i modulo n, so parallel instances split the file.
 */
@Job(name = "wordcount")
@Source(job = "wordcount")
public final class Lines implements SourceReader<String> {
  /** The Book of Genesis, King James Version (1611), in the public domain. */
  static final String BUNDLED_TEXT = "/genesis-kjv.txt";

  private static final int LINES_PER_POLL = 512;

  private BufferedReader reader;
  private int subtask;
  private int parallelism;
  private long lineNumber;

  @Override
  public void open(SourceContext context) throws IOException {
    subtask = context.subtaskIndex();
    parallelism = context.parallelism();
    String input = context.parameters().get("input", null);
    reader = new BufferedReader(new InputStreamReader(open(input), StandardCharsets.UTF_8));
  }

  private static InputStream open(String input) throws IOException {
    if (input != null) {
      return Files.newInputStream(Path.of(input));
    }
    InputStream bundled = Lines.class.getResourceAsStream(BUNDLED_TEXT);
    if (bundled == null) {
      throw new UncheckedIOException(new IOException("bundled text " + BUNDLED_TEXT + " missing from the jar"));
    }
    return bundled;
  }

  @Override
  public Status poll(Emitter<String> out) throws IOException {
    for (int i = 0; i < LINES_PER_POLL; i++) {
      String line = reader.readLine();
      if (line == null) {
        return Status.END_OF_INPUT;
      }
      if (lineNumber++ % parallelism == subtask) {
        out.emit(line);
      }
    }
    return Status.MORE;
  }

  @Override
  public void close() throws IOException {
    if (reader != null) {
      reader.close();
    }
  }
}
