package io.weir.processor.model;

import io.weir.api.Operator;
import io.weir.api.Sink;
import io.weir.api.Source;

/** The role a user class plays in a job, given by its annotation. */
public enum Role {
  SOURCE(Source.class.getCanonicalName(), "@Source"),
  OPERATOR(Operator.class.getCanonicalName(), "@Operator"),
  SINK(Sink.class.getCanonicalName(), "@Sink");

  private final String annotationName;
  private final String display;

  Role(String annotationName, String display) {
    this.annotationName = annotationName;
    this.display = display;
  }

  /** Qualified name of the role's annotation type. */
  public String annotationName() {
    return annotationName;
  }

  /** The annotation as users write it, e.g. {@code @Operator}, for messages. */
  public String display() {
    return display;
  }

  /** Whether the role consumes records (operators and sinks). */
  public boolean hasInputs() {
    return this != SOURCE;
  }
}
