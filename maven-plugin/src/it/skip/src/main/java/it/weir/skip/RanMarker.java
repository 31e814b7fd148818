package it.weir.skip;

import io.weir.api.Sink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Leaves target/ran.txt behind, so a run cannot go unnoticed. */
@Sink(from = Ticks.class)
public final class RanMarker {
  public void write(Long tick) {}

  public void close() throws IOException {
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target/ran.txt"), "ran\n");
  }
}
