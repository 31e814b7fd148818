package io.weir.processor.model;

import java.util.List;

/**
 * A valid job, ready for code generation.
 *
 * @param name the job's name
 * @param parallelism default parallelism of its vertices
 * @param maxParallelism its number of key groups
 * @param stateBackend runtime name of the backend keeping its keyed state
 * @param vertices topological order, ties broken by qualified class name
 * @param edges ordered by target vertex (in topological order), then by the target's {@code from} order
 * @param packageName package of the generated plan: that of the first source by qualified name
 */
public record JobModel(
    String name, int parallelism, int maxParallelism, String stateBackend, List<VertexModel> vertices, List<EdgeModel> edges,
    String packageName) {}
