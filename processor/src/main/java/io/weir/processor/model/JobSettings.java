package io.weir.processor.model;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;

/**
 * One {@code @Job} annotation.
 *
 * @param name the job's name
 * @param parallelism default parallelism of the job's vertices
 * @param maxParallelism number of key groups
 * @param element the annotated class
 * @param annotation the {@code @Job} mirror (inside a {@code @Job.List} when repeated)
 */
public record JobSettings(
    String name, int parallelism, int maxParallelism, TypeElement element, AnnotationMirror annotation) {

  public static final int DEFAULT_PARALLELISM = 1;
  public static final int DEFAULT_MAX_PARALLELISM = 128;
  /** Upper bound of max parallelism, as in the runtime's key-group arithmetic. */
  public static final int MAX_MAX_PARALLELISM = 32768;
}
