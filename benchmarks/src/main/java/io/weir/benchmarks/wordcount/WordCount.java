package io.weir.benchmarks.wordcount;

/** A word's running count, emitted on every update (the anchor's {@code Tuple2<String, Long>}). */
public record WordCount(String word, long count) {}
