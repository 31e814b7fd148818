package io.weir.benchmarks.micro;

/** Benchmark record (b): a short string and a nested record. */
public record Reading(String station, Sample sample) {}
