package io.weir.processor.model;

/**
 * A directed edge of a job: records of {@code from}'s output {@code output} ("" for the main one)
 * flow into input {@code targetInput} of {@code to}.
 */
public record EdgeModel(VertexModel from, VertexModel to, int targetInput, EdgePartitioning partitioning, String output) {}
