package it.weir.sums;

import io.weir.api.OperatorContext;
import io.weir.api.Sink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the final sum per parity to --output when the input ends, after the header line given as
 * the system property sums.header, if any.
 */
@Sink(from = SumByParity.class, parallelism = 1)
public final class TotalsFile {
  private final Map<String, Long> totals = new TreeMap<>();
  private Path output;

  public void open(OperatorContext context) {
    output = Path.of(context.parameters().get("output", "target/totals.txt"));
  }

  public void write(Total total) {
    // Running sums only grow, so the largest is the final one whatever the arrival order.
    totals.merge(total.parity(), total.sum(), Math::max);
  }

  public void close() {
    StringBuilder text = new StringBuilder();
    String header = System.getProperty("sums.header");
    if (header != null) {
      text.append("# ").append(header).append('\n');
    }
    totals.forEach((parity, sum) -> text.append(parity).append('=').append(sum).append('\n'));
    try {
      Files.createDirectories(output.toAbsolutePath().getParent());
      Files.writeString(output, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
