package io.weir.benchmarks.window;

/** One W3 event (the anchor's {@code Tuple3(key, value, eventTime)}), and also a window's sum. */
public record Event(int key, long value, long time) {}
