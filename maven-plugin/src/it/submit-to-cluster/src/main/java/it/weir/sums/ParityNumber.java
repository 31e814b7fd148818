package it.weir.sums;

/** A number and whether it is even or odd. */
public record ParityNumber(String parity, long value) {}
