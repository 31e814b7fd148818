package io.weir.runtime.metrics;

import java.util.Locale;

/** Compact, locale-independent renderings of counts, rates and durations for progress output. */
final class NumberFormat {
  private NumberFormat() {}

  /** 999, 12.3k, 4.56M, 7.89G. */
  static String compact(double n) {
    double abs = Math.abs(n);
    if (abs < 1_000) {
      return String.format(Locale.ROOT, "%.0f", n);
    }
    if (abs < 1_000_000) {
      return String.format(Locale.ROOT, abs < 10_000 ? "%.2fk" : abs < 100_000 ? "%.1fk" : "%.0fk", n / 1e3);
    }
    if (abs < 1_000_000_000) {
      return String.format(Locale.ROOT, abs < 1e7 ? "%.2fM" : abs < 1e8 ? "%.1fM" : "%.0fM", n / 1e6);
    }
    return String.format(Locale.ROOT, "%.2fG", n / 1e9);
  }

  /** 1,234,567. */
  static String grouped(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** 0:07, 12:34, 1:02:03. */
  static String clock(java.time.Duration d) {
    long s = d.toSeconds();
    return s >= 3600
        ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }

  /** 0.123 s, 12.3 s. */
  static String seconds(java.time.Duration d) {
    return String.format(Locale.ROOT, "%.3f s", d.toNanos() / 1e9);
  }
}
