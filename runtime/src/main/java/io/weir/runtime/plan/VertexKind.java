package io.weir.runtime.plan;

/** The role of a vertex in the logical graph. */
public enum VertexKind {
  SOURCE,
  OPERATOR,
  SINK
}
