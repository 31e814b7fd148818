package io.weir.runtime.metrics;

/** Record counts of one parallel instance of a vertex. */
public record SubtaskMetrics(int subtaskIndex, long recordsIn, long recordsOut) {}
