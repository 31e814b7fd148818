package io.weir.samples.wordcount;

/** One word of the text, lower-cased. */
public record Word(String text) {}
