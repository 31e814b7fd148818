package io.weir.benchmarks.checkpoint;

/** A new value for one key of the checkpoint-size job. */
public record KeyUpdate(long key, long value) {}
