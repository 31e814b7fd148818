package io.weir.benchmarks.micro;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** What the sinks of {@link SerializedTypes} received, per kind, for the test that runs that job. */
public final class Received {
  private static final Map<RecordKind, List<Object>> BY_KIND = new EnumMap<>(RecordKind.class);

  private Received() {}

  static synchronized void add(RecordKind kind, Object value) {
    BY_KIND.computeIfAbsent(kind, k -> new ArrayList<>()).add(value);
  }

  /** A copy of what arrived for {@code kind}, in arrival order. */
  public static synchronized List<Object> of(RecordKind kind) {
    return List.copyOf(BY_KIND.getOrDefault(kind, List.of()));
  }

  public static synchronized void clear() {
    BY_KIND.clear();
  }
}
