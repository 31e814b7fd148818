package io.weir.runtime.metrics;

import io.weir.runtime.plan.VertexKind;

/** One vertex in a {@link ProgressSnapshot}: counts so far and rates since the previous snapshot. */
public record VertexProgress(
    String name, VertexKind kind, int parallelism, long recordsIn, long recordsOut, double inPerSecond, double outPerSecond) {}
