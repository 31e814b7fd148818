package io.weir.samples.wordcount;

import io.weir.api.Emitter;
import io.weir.api.Job;
import io.weir.api.Source;
import io.weir.api.SourceContext;
import io.weir.api.SourceReader;
import io.weir.api.State;
import io.weir.state.ListState;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the lines of {@code --input FILE}, or of the bundled text when no file is given.
 *
 * <p>The lines are cut into {@link #SPLITS} interleaved splits (split = line number modulo
 * SPLITS), and instance i of n reads the splits s with s modulo n = i, so parallel instances
 * share the file without overlap. How far each split has got is operator state: on restore each
 * instance gets an even share of the positions, at whatever parallelism the job now runs.
 */
@Job(name = "wordcount")
@Source(job = "wordcount")
public final class Lines implements SourceReader<String> {
  /** The Book of Genesis, King James Version (1611), in the public domain. */
  static final String BUNDLED_TEXT = "/genesis-kjv.txt";

  /**
   * The unit that moves between instances. 128, the job's max parallelism, so every instance of
   * a restored job gets at least one position and an empty share always means a fresh start.
   */
  static final int SPLITS = 128;

  private static final int LINES_PER_POLL = 512;

  /** One element per split this instance reads. */
  @State(name = "positions") ListState<SplitPosition> positions;

  /** Next line number to emit, per split; -1 for splits other instances read. */
  private final long[] next = new long[SPLITS];
  private BufferedReader reader;
  private long lineNumber;

  @Override
  public void open(SourceContext context) throws IOException {
    Arrays.fill(next, -1);
    boolean restored = false;
    for (SplitPosition position : positions.get()) {
      next[position.split()] = position.nextLine();
      restored = true;
    }
    if (!restored) {
      for (int split = context.subtaskIndex(); split < SPLITS; split += context.parallelism()) {
        next[split] = 0;
      }
    }
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
        savePositions();
        return Status.END_OF_INPUT;
      }
      long number = lineNumber++;
      int split = (int) (number % SPLITS);
      if (next[split] >= 0 && number >= next[split]) {
        out.emit(line);
        next[split] = number + 1;
      }
    }
    savePositions();
    return Status.MORE;
  }

  /** Replaces the state with the current positions; a snapshot taken between two polls sees them. */
  private void savePositions() {
    List<SplitPosition> current = new ArrayList<>();
    for (int split = 0; split < SPLITS; split++) {
      if (next[split] >= 0) {
        current.add(new SplitPosition(split, next[split]));
      }
    }
    positions.update(current);
  }

  @Override
  public void close() throws IOException {
    if (reader != null) {
      reader.close();
    }
  }
}
