package io.weir.benchmarks.micro;

import java.util.List;
import java.util.Locale;

/**
 * Prints the encoded size of each benchmark record under each codec (mean, min and max over the
 * 1024 benchmark values), after checking that every codec reads back exactly what it wrote.
 * Exits with status 1 if any codec fails to round-trip.
 */
public final class RecordSizes {
  private RecordSizes() {}

  public static void main(String[] args) {
    boolean ok = true;
    for (RecordKind kind : RecordKind.values()) {
      List<?> values = kind.values(1024);
      for (String name : List.of("weir", "kryo", "hand")) {
        Codec codec = Codec.create(name, kind);
        long total = 0;
        int min = Integer.MAX_VALUE;
        int max = 0;
        boolean roundTrip = true;
        for (Object value : values) {
          int length = codec.write(value);
          byte[] copy = java.util.Arrays.copyOf(codec.written(), length);
          roundTrip &= value.equals(codec.read(copy, 0, length));
          total += length;
          min = Math.min(min, length);
          max = Math.max(max, length);
        }
        ok &= roundTrip;
        System.out.println(String.format(Locale.ROOT, "SIZE record=%s codec=%s bytes_mean=%.1f bytes_min=%d bytes_max=%d roundtrip=%s",
            kind, name, (double) total / values.size(), min, max, roundTrip ? "OK" : "FAIL"));
      }
    }
    if (!ok) {
      System.exit(1);
    }
  }
}
