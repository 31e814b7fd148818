package io.weir.runtime.clusterjob;

/** A word and its count so far. */
public record WordCount(String word, long count) {}
