package io.weir.samples.sensors;

import io.weir.api.OperatorContext;
import io.weir.api.Sink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects the window means and, when the job ends, writes them sorted by sensor and window to
 * {@code --output FILE} (default {@code target/sensor-averages.txt}), and prints the hottest.
 */
@Sink(from = SensorAverages.class, parallelism = 1)
public final class WriteAverages {
  private final List<SensorMean> means = new ArrayList<>();
  private Path output;

  public void open(OperatorContext context) {
    output = Path.of(context.parameters().get("output", "target/sensor-averages.txt"));
  }

  public void write(SensorMean mean) {
    means.add(mean);
  }

  public void close() throws IOException {
    means.sort(Comparator.comparing(SensorMean::sensor).thenComparingLong(SensorMean::start));
    List<String> lines = means.stream().map(SensorMean::line).toList();
    if (output.getParent() != null) {
      Files.createDirectories(output.getParent());
    }
    Files.write(output, lines, StandardCharsets.UTF_8);
    means.stream().max(Comparator.comparingDouble(SensorMean::celsius)).ifPresent(hottest ->
        System.out.println("Hottest window of " + means.size() + ": " + hottest.line()));
    System.out.println("Wrote " + lines.size() + " window means to " + output);
  }
}
