package io.weir.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The program arguments a job was started with, read as {@code --name value} pairs (a bare
 * {@code --flag} has the value {@code "true"}), like Flink's {@code ParameterTool}. The raw list
 * stays available for jobs that parse their own arguments.
 */
public final class JobParameters {
  private static final JobParameters EMPTY = new JobParameters(List.of());

  private final List<String> raw;
  private final Map<String, String> named;

  private JobParameters(List<String> raw) {
    this.raw = List.copyOf(raw);
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < raw.size(); i++) {
      String arg = raw.get(i);
      if (!arg.startsWith("--") || arg.length() == 2) {
        continue;
      }
      int eq = arg.indexOf('=');
      if (eq > 0) {
        map.put(arg.substring(2, eq), arg.substring(eq + 1));
      } else if (i + 1 < raw.size() && !raw.get(i + 1).startsWith("--")) {
        map.put(arg.substring(2), raw.get(++i));
      } else {
        map.put(arg.substring(2), "true");
      }
    }
    this.named = Collections.unmodifiableMap(map);
  }

  /** Parameters from program arguments such as {@code --input words.txt --verbose}. */
  public static JobParameters of(List<String> args) {
    return args.isEmpty() ? EMPTY : new JobParameters(args);
  }

  /** Parameters from program arguments such as {@code --input words.txt --verbose}. */
  public static JobParameters of(String... args) {
    return of(List.of(args));
  }

  /** No arguments. */
  public static JobParameters empty() {
    return EMPTY;
  }

  /** The value of {@code --name}, if given. */
  public Optional<String> get(String name) {
    return Optional.ofNullable(named.get(name));
  }

  /** The value of {@code --name}, or {@code defaultValue} when absent. */
  public String get(String name, String defaultValue) {
    return named.getOrDefault(name, defaultValue);
  }

  /** The value of {@code --name} as an int, or {@code defaultValue} when absent. */
  public int getInt(String name, int defaultValue) {
    String value = named.get(name);
    if (value == null) {
      return defaultValue;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " expects a whole number, got '" + value + "'", e);
    }
  }

  /** The value of {@code --name} as a long, or {@code defaultValue} when absent. */
  public long getLong(String name, long defaultValue) {
    String value = named.get(name);
    if (value == null) {
      return defaultValue;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " expects a whole number, got '" + value + "'", e);
    }
  }

  /** Whether {@code --name} was given. */
  public boolean has(String name) {
    return named.containsKey(name);
  }

  /** The arguments as given. */
  public List<String> raw() {
    return raw;
  }

  @Override
  public String toString() {
    return String.join(" ", raw);
  }
}
