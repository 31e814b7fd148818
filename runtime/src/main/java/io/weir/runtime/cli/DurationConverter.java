package io.weir.runtime.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;

/**
 * Durations on the command line and in the configuration file: a whole number with a unit
 * ({@code 200ms}, {@code 1s}, {@code 5m}, {@code 1h}); a bare number is milliseconds.
 */
public final class DurationConverter implements ITypeConverter<Duration> {
  private static final Pattern FORM = Pattern.compile("(\\d{1,12})\\s*(ms|s|m|min|h)?");

  @Override
  public Duration convert(String text) {
    return parse(text);
  }

  /** Reads {@code text}; throws {@link IllegalArgumentException} saying what forms are accepted. */
  public static Duration parse(String text) {
    Matcher m = FORM.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException("bad duration '" + text + "'; use e.g. 500ms, 1s, 5m, 1h (a bare number is ms)");
    }
    long amount = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "ms" : m.group(2);
    return switch (unit) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m", "min" -> Duration.ofMinutes(amount);
      default -> Duration.ofHours(amount);
    };
  }

  /** The shortest form {@link #parse} reads back, for help texts and messages. */
  static String format(Duration d) {
    long ms = d.toMillis();
    if (ms % 3_600_000 == 0 && ms > 0) {
      return ms / 3_600_000 + "h";
    }
    if (ms % 60_000 == 0 && ms > 0) {
      return ms / 60_000 + "m";
    }
    if (ms % 1000 == 0 && ms > 0) {
      return ms / 1000 + "s";
    }
    return ms + "ms";
  }
}
