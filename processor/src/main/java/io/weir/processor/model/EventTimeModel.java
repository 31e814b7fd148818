package io.weir.processor.model;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.TypeMirror;

/**
 * A source's {@code @EventTime} method as declared; the validator judges it.
 *
 * @param method the annotated method
 * @param annotation the {@code @EventTime} annotation, for pointing at its values
 * @param strategy the {@code WatermarkStrategy} constant name
 * @param maxOutOfOrdernessMillis the declared bound (0 when absent)
 * @param idleTimeoutMillis the declared idle timeout (0 when absent)
 * @param generator the declared generator class, or null when absent
 */
public record EventTimeModel(
    ExecutableElement method,
    AnnotationMirror annotation,
    String strategy,
    long maxOutOfOrdernessMillis,
    long idleTimeoutMillis,
    TypeMirror generator) {}
