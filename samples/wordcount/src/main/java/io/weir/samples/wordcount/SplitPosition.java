package io.weir.samples.wordcount;

/**
 * How far {@link Lines} has read one split of its input: the next line number of the split to
 * emit. Kept in operator state, so a restored job continues where the snapshot was taken.
 */
public record SplitPosition(int split, long nextLine) {}
