package io.weir.processor.model;

import io.weir.api.StateBackendKind;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;

/**
 * One {@code @Job} annotation.
 *
 * @param name the job's name
 * @param parallelism default parallelism of the job's vertices
 * @param maxParallelism number of key groups
 * @param stateBackend the runtime name of the backend keeping its keyed state ({@code heap}, {@code rocksdb})
 * @param element the annotated class
 * @param annotation the {@code @Job} mirror (inside a {@code @Job.List} when repeated)
 */
public record JobSettings(
    String name, int parallelism, int maxParallelism, String stateBackend, TypeElement element,
    AnnotationMirror annotation) {

  public static final int DEFAULT_PARALLELISM = 1;
  public static final int DEFAULT_MAX_PARALLELISM = 128;
  public static final String DEFAULT_STATE_BACKEND = StateBackendKind.HEAP.runtimeName();
  /** Upper bound of max parallelism, as in the runtime's key-group arithmetic. */
  public static final int MAX_MAX_PARALLELISM = 32768;
}
