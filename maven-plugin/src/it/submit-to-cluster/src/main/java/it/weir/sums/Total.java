package it.weir.sums;

/** The sum of the numbers of one parity seen so far. */
public record Total(String parity, long sum) {}
