package io.weir.benchmarks.wordcount;

/**
 * The lines {@code [next, end)} of {@link ZipfLines} a source instance has still to generate: the
 * element of the sources' operator state, so a restored instance resumes where its checkpoint left
 * off (at any parallelism: ranges are handed out whole).
 */
public record LineRange(long next, long end) {}
