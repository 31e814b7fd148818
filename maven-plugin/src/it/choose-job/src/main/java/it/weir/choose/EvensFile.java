package it.weir.choose;

import io.weir.api.Sink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the sum of its input to target/evens.txt. */
@Sink(from = EvenNumbers.class, parallelism = 1)
public final class EvensFile {
  private long sum;

  public void write(Long value) {
    sum += value;
  }

  public void close() throws IOException {
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target/evens.txt"), sum + "\n");
  }
}
