package io.weir.benchmarks.micro;

/** Benchmark record (a): primitives only. */
public record Sample(long timestamp, int sensor, double value) {}
