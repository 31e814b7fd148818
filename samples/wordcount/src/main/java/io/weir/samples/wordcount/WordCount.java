package io.weir.samples.wordcount;

/** How often {@code word} has been seen so far. */
public record WordCount(String word, long count) {}
